svtest1 ; $TEST across commands, argumentless DO and extrinsics
 write "start T=",$test,!
 if 0 write "x"
 write "after if 0 T=",$test,!
 do
 . if 1
 . write "inside block T=",$test,!
 write "after block T=",$test,!
 set v=$$f
 write "after extrinsic T=",$test,!
 do g
 write "after do g T=",$test,!
 quit
f() if 1 quit 1
g if 1 quit
