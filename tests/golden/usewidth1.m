usewidth1 ; USE WIDTH=n: 1 to 1,048,576 (RMWIDTHPOS, RMWIDTHTOOBIG), lines wrap at n columns
 new w,f,x,y
 set $etrap="use $principal write $piece($zstatus,"","",3),! set $ecode="""" quit"
 for w=1048576,1048577,65535,0,-1,2147483648,"1E9" do t(w)
 set f="/tmp/usewidth1-"_$job_".txt" open f:newversion for w=1048576,1048577,0,-1 do u(w)
 use f:width=10 write "0123456789abcdef",*65,! close f
 use $principal:width=10 write "0123456789abcdef",! write "0123456789",*66,! write ?12,"t",!
 open f:readonly use f read x,y use $principal write x,"|",y,! close f:delete
 quit
t(w) use $principal:width=w write "ok ",w,! quit
u(w) use f:width=w use $principal write "file ok ",w,! quit
