xxerr3 ; DO of a label that quits with a value
 write "start",!
 do f
 write "not reached",!
 quit
f() quit 1
