opdivz4 ; DIVZERO from / by an empty string (its numeric value is 0)
 set a=1,b=""
 write "start",!
 set c=a/b
 write "not reached",!
 quit
