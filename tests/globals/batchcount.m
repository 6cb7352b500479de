batchcount ; how many ^B nodes each kind of end left
 new how,i,n set how=""
 for  set how=$order(^B(how)) quit:how=""  set n=0,i="" do  write how," ",n," "
 . for  set i=$order(^B(how,i)) quit:i=""  set n=n+1
 write !
 quit
