formod1 ; modifying the loop variable or the limit inside the loop (ends with UNDEF)
 for i=1:1:10 write i," " set i=i+1
 write !,"after: i=",i,!
 set lim=5
 for i=1:1:lim write i," " set lim=2
 write !,"limit evaluated once: lim=",lim,!
 set inc=1
 for i=1:inc:5 write i," " set inc=2
 write !
 for i=1:1:3 set i="9" write i," "
 write !,"after: i=",i,!
 for i=1:1:3 write i," " set i=i-.5
 write !
 write "now kill the loop variable inside the loop:",!
 for i=1:1:5 write i," " kill i
 write !,"not reached",!
 quit
