oppow3 ; zero to a negative power
 set z=0
 write "z**1=",z**1,!
 write "z**0=",z**0,!
 write "z**-1=",z**-1,!
 write "done",!
 quit
