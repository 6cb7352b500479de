count ; the counter and the number of ^C nodes
 new j,i,n set n=0,j=""
 for  set j=$order(^C(j)) quit:j=""  set i="" for  set i=$order(^C(j,i)) quit:i=""  set n=n+1
 write ^CNT," ",n,!
 quit
