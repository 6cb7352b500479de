readrec1 ; READ gives at most a record (32767 bytes) of a longer line, the rest to the next
 ; READs; a READ x#n that fills n leaves the line end for the next READ (files and pipes)
 new f,p,i,l,x
 set f="/tmp/readrec1-"_$job_".txt"
 open f:newversion use f write $translate($justify("",100000)," ","a"),!,"abc",!,$translate($justify("",32767)," ","b"),!,"end",! close f
 open f:readonly use f for i=1:1:7 read x set l(i)=$length(x)_" "_$zeof
 close f use $principal for i=1:1:7 write "file ",l(i),!
 open f:readonly use f for i=1:1:7 read x#3 set l(i)=$extract(x,1,3)_" "_$length(x)
 close f use $principal for i=1:1:7 write "file #3 ",l(i),!
 open f:(readonly:recordsize=50000) use f for i=1:1:3 read x set l(i)=$length(x)
 close f use $principal for i=1:1:3 write "recordsize ",l(i),!
 set p="p" open p:(command="cat "_f)::"pipe" use p for i=1:1:9 read x set l(i)=$length(x)_" "_$zeof
 close p use $principal for i=1:1:9 write "pipe ",l(i),!
 open f:readonly close f:delete
 quit
