trapexit7 ; falling off the end of a trap one level down, then the routine finishes normally
 set $etrap="write ""trap at "",$stack,! set $ecode="""""
 do a
 write "top after a",!
 quit
a set x=1/0 quit
