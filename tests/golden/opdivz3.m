opdivz3 ; DIVZERO from #
 set a=5,b="0.0"
 write "a#3=",a#3,!
 write "b+0=",b+0,!
 set c=a#b
 write "not reached",!
 quit
