forrange1 ; FOR with start:increment:limit
 for i=1:1:10 write i," "
 write !,"after: i=",i,!
 for i=10:-2:1 write i," "
 write !,"after: i=",i,!
 for i=0:.25:1 write i," "
 write !,"after: i=",i,!
 for i=1:-1:0 write i," "
 write !,"after: i=",i,!
 for i=5:1:1 write i," "
 write "never loops, i=",i,!
 for i=1:1:1 write "once i=",i,!
 for i=-3:1.5:3 write i," "
 write !
 for i=1:2:6 write i," "
 write !,"after: i=",i,!
 for i="2abc":"1x":4 write i," "
 write !
 for i=1.5:-.5:0 write i," "
 write !
 quit
