gvlock4 ; ZALLOCATE and ZDEALLOCATE
 zallocate ^Z(1)
 zshow "L"
 write "--",!
 zallocate ^Z(2)
 lock +^Z(1)
 zshow "L"
 write "--",!
 lock
 zshow "L"
 write "--",!
 zdeallocate ^Z(1)
 zshow "L"
 write "--",!
 zallocate ^Y:0 write "$TEST=",$test,!
 zdeallocate
 zshow "L"
 write "end",!
