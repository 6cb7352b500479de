errsyn3 ; syntax error late in a line: do earlier commands on the line run?
 write "start",!
 set a=1 write "a=",a,! set b=(2+
 write "not reached",!
 quit
