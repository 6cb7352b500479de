numoflow7 ; an overflowing constant expression: GT.M rejects the whole line at compile time
 write "1E46*1=",1E46*1,!
 write "constant overflow: ","1E47"+0,!
 write "not reached",!
 quit
