opdivz1 ; DIVZERO from /
 set a=10,b=0
 write "a/2=",a/2,!
 write "a*b=",a*b,!
 write "a/b=",a/b,!
 write "not reached",!
 quit
