opdivz2 ; DIVZERO from \
 set a=5,b=0
 write "a\2=",a\2,!
 set c=a\b
 write "not reached",!
 quit
