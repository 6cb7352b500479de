jobparm2 ; JOB: INPUT from a file, $TEST after a JOB with and without a timeout, the child's $JOB, $PRINCIPAL and $IO, the child's standard error is ERROR
 set in="/tmp/minimgold-jobparm2.in",out="/tmp/minimgold-jobparm2.out",err="/tmp/minimgold-jobparm2.err"
 open in:(newversion) use in write "first line",!,"second line",! write "last, no newline" close in use $principal
 if 0
 job reader^jobparm2:(input="/tmp/minimgold-jobparm2.in":output="/tmp/minimgold-jobparm2.out":error="/tmp/minimgold-jobparm2.err"):10 write "with a timeout: $test=",$test,!
 set pid=$zjob do wait
 write "the child's $job is $zjob: ",$$line(out,1)=("job="_pid),!
 for i=2:1:7 write "  ",$$line(out,i),!
 if 0
 job errs^jobparm2:(output="/tmp/minimgold-jobparm2.out":error="/tmp/minimgold-jobparm2.err") write "without a timeout: $test=",$test,!
 set pid=$zjob do wait
 write "output:",! for i=1:1:2 write "  ",$$line(out,i),!
 write "error:",! for i=1:1:2 write "  ",$$line(err,i),!
 for f=in,out,err do rm(f)
 quit
wait new i
 for i=1:1:400 quit:'$zgetjpi(pid,"ISPROCALIVE")  hang 0.025
 quit
line(f,n) new l,i,r set r="[none]"
 open f:(readonly) use f
 for i=1:1:n read l quit:$zeof  set:i=n r=l
 close f use $principal
 quit r
rm(f) open f:(newversion) close f:(delete)
 quit
reader new x,i
 write "job=",$job,!
 write "$principal=",$principal," $io=",$io,!
 for i=1:1:4 read x write "read ",i,": [",x,"] $zeof=",$zeof,!
 quit
errs write "to the output",!
 zsystem "echo to standard error >&2"
 quit
