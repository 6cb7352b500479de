gvlock3 ; locks on local names and mixed
 lock +loc
 lock +loc(1,"a")
 lock +^G(1)
 zshow "L"
 write "--",!
 lock -loc
 zshow "L"
 write "--",!
 set x="^H(2)" lock +@x
 set y="lk" lock +@y@(3)
 zshow "L"
 write "--",!
 lock
 zshow "L"
 write "end",!
