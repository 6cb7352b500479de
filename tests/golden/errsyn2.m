errsyn2 ; a syntax error in a line that is never executed
 write "start",!
 if 0 do bad
 write "middle",!
 quit
bad set x=(1+
 write "bad",!
 quit
