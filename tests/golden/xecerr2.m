xecerr2 ; runtime error inside XECUTE: place is the calling line
 write "start",!
 xecute "write ""x"",! set y=nodef"
 write "not reached",!
 quit
