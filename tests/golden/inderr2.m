inderr2 ; indirection of an undefined variable name
 set x="undefv"
 write "start",!
 write @x,!
 write "not reached",!
 quit
