cmdargs1 ; command argument lists with postconditionals and mixed forms
 set x=2
 do a:x=1,b:x=2,a,b:0
 write !
 write:x=2 "p1",":","p2"
 write !
 kill:x=2 y set y=1
 write "y=",y,!
 new:x=2 y write "y data after new:",$data(y),!
 hang:x=2 0 write "hang pc ok",!
 quit
a write "a" quit
b write "b" quit
