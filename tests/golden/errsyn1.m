errsyn1 ; a syntax error in a line that is executed
 write "before",!
 set a=2
 write "a=",a,!
 set x=(1+
 write "not reached",!
 quit
