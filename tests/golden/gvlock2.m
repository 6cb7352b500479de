gvlock2 ; incremental lock levels and timeouts with $TEST
 lock +^A
 lock +^A
 lock +^A(1)
 zshow "L"
 write "--",!
 lock -^A
 zshow "L"
 write "--",!
 lock -^A
 zshow "L"
 write "--",!
 lock +^A:0 write "$TEST=",$test,!
 lock +^B:1 write "$TEST=",$test,!
 if 0 lock +^C:0 write "$TEST=",$test,!
 lock -^A(1),-^A,-^B,-^C
 zshow "L"
 lock -^notheld
 write "unlock not held ok",!
 lock ^Q:0 write "$TEST=",$test,!
 zshow "L"
 lock
