jobfile1 ; JOB whose child OPENs and writes its own file, parent reads it
 set f="/tmp/minimgold4-jobfile1.dat",flag="/tmp/minimgold4-jobfile1.flag"
 do rm(f),rm(flag)
 job work^jobfile1(f,flag,5):(output="/dev/null":error="/dev/null")
 write "$zjob>0: ",$zjob>0,!
 for i=1:1:200 quit:$$exists(flag)  hang .05
 open f:(readonly) use f
 for  read line quit:$zeof  use $principal write line,! use f
 close f
 do rm(f),rm(flag)
 quit
work(f,flag,n) new i
 open f:(newversion) use f
 for i=1:1:n write "line ",i," sq=",i*i,!
 close f
 open flag:(newversion) close flag
 quit
exists(f) new ok,$etrap set ok=0,$etrap="set $ecode="""" quit" do try(f)
 quit ok
try(f) open f:(readonly) set ok=1 close f quit
rm(f) open f:(newversion) close f:(delete)
 quit
