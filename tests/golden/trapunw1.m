trapunw1 ; $ETRAP set at the outer level runs in the frame of the error; QUIT returns to that frame's caller
 set $etrap="write ""trap at stack "",$stack,"" estack "",$estack,! set $ecode="""" quit"
 do a
 write "top continues, stack=",$stack,!
 quit
a write "a start",!
 do b
 write "a continues after b",!
 quit
b write "b start",!
 do c
 write "b continues after c",!
 quit
c write "c start",!
 set x=nosuch
 write "c not reached",!
 quit
