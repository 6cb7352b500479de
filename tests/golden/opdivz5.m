opdivz5 ; a constant 1/0: the WRITE prints its earlier arguments first
 write "1/1=",1/1,!
 write "1/0=",1/0,!
 write "not reached",!
 quit
