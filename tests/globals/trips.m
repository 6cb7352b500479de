trips ; N SETs outside TP, then walks of the N nodes: $ORDER forwards and backwards, $QUERY
 ; after each phase a line, then the test's go-ahead on standard input
 new n,i,k,c,q,x set n=+$zcmdline
 kill ^W
 for i=1:1:n set ^W(i)=i
 lock +^W lock -^W ; the SETs are stored before the next LOCK
 write "set",! read x
 set k="",c=0 for  set k=$order(^W(k)) quit:k=""  set c=c+1
 write "order ",c,! read x
 set k="",c=0 for  set k=$order(^W(k),-1) quit:k=""  set c=c+1
 write "back ",c,! read x
 set q="^W",c=0 for  set q=$query(@q) quit:q=""  set c=c+1
 write "query ",c,! read x
 quit
