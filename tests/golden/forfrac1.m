forfrac1 ; FOR with fractional steps: decimal arithmetic, exact limits
 for i=0:.1:1 write i," "
 write !,"after: ",i,!
 for i=1:-.3:0 write i," "
 write !
 set n=0 for i=0:.01:1 set n=n+1
 write "count 0:.01:1 = ",n," last=",i,!
 for i=.5:.5:2.5 write i," "
 write !
 for i=-1:.25:0 write i," "
 write !
 for i=1:1/3:2 write i," "
 write !
 quit
