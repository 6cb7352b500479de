forquit1 ; FOR without limit, argumentless FOR, QUIT
 for i=1:1 quit:i>5  write i
 write !,"i=",i,!
 set j=0
 for  set j=j+1 quit:j=4  write "j=",j,!
 write "j=",j,!
 for i=1:1 write i quit:i=3
 write !,"i=",i,!
 set k=10 for  quit:k<5  set k=k-2 write k," "
 write !
 for i=3:-1 write i," " quit:i<0
 write !
 quit
