brk ; break
 set a=1
 break
 write "after break",!
 do sub
 write "end",!
 quit
sub set b=2
 write "in sub",!
 set c=3
 quit
