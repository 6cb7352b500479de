chain ; an error three calls deep
 write "a",!
 do sub
 quit
sub set y=1
 do deeper(3)
 quit
deeper(n) write "in deeper",!
 write x+1
 quit
