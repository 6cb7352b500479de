trapexit4 ; UNDEF left in $ECODE by a trap at top level
 set $etrap="write ""trap "",$ecode,! quit"
 do a
 quit
a write "start",!
 write undefined
 quit
