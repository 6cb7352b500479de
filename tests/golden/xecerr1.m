xecerr1 ; syntax error inside XECUTE
 write "start",!
 xecute "write 1+"
 write "not reached",!
 quit
