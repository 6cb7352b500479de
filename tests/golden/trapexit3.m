trapexit3 ; user error ,U1, left in $ECODE at top level: exit status
 set $etrap="write ""trap "",$ecode,! quit"
 write "start",!
 set $ecode=",U1,"
 write "not reached",!
 quit
