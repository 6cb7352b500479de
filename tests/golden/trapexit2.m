trapexit2 ; $ETRAP at top level that leaves $ECODE set: exit status is the error number mod 256
 set $etrap="write ""trap at "",$stack,"" "",$ecode,! quit"
 write "start",!
 set x=1/0
 write "not reached",!
 quit
