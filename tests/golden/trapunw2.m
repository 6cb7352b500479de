trapunw2 ; trap that does not clear $ECODE: QUIT re-raises the error in each caller frame
 set $etrap="write ""trap at stack "",$stack,"" ecode "",$ecode,! quit"
 do a
 write "top not reached",!
 quit
a write "a start",!
 do b
 write "a not reached",!
 quit
b write "b start",!
 set x=1/0
 quit
