sets ; N SETs outside TP and nothing else, then the end of the process: none may be lost
 new i,n set n=+$zcmdline
 for i=1:1:n set ^S($job,i)=i
 write "done",!
 quit
