incr ; N $INCREMENTs of one counter and N SETs of this process's own nodes
 new i,n set n=+$zcmdline
 for i=1:1:n set x=$increment(^CNT) set ^C($job,i)=x
 write "done",!
 quit
