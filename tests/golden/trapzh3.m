trapzh3 ; HALT exits with status 0 even with $ECODE set in a trap
 set $etrap="write ""trap"",! halt"
 write "start",!
 set x=1/0
 write "not reached",!
