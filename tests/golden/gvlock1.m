gvlock1 ; LOCK basic forms and ZSHOW "L"
 lock ^A
 zshow "L"
 write "--",!
 lock +^A(1)
 zshow "L"
 write "--",!
 lock -^A(1)
 zshow "L"
 write "--",!
 lock ^B(1,"x"),^C
 zshow "L"
 write "--",!
 lock (^D,^E(2))
 zshow "L"
 write "--",!
 lock
 zshow "L"
 write "end",!
