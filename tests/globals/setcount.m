setcount ; the number of ^S nodes and the sum of their values
 new j,i,n,s set (n,s)=0,j=""
 for  set j=$order(^S(j)) quit:j=""  set i="" for  set i=$order(^S(j,i)) quit:i=""  set n=n+1,s=s+^S(j,i)
 write n," ",s,!
 quit
