gvlock5 ; ZSHOW "L" into a variable, canonical lock names, LOCK in TP
 lock +^G(1E3),+^G(-2.50),+^G("01"),+^G(1,"a""b")
 zshow "L":z
 zwrite z
 lock
 kill z
 tstart
 lock +^T(1)
 zshow "L"
 trollback
 write "after trollback:",!
 zshow "L"
 lock +^U:0 write "$TEST=",$test,!
 lock +^U(1)
 lock -^U(1),-^U
 zshow "L"
