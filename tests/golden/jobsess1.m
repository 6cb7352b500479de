jobsess1 ; a JOBbed process runs detached: its own session, apart from the parent's
 set f="/tmp/minimgold-jobsess1.dat",flag="/tmp/minimgold-jobsess1.flag"
 do rm(f),rm(flag)
 write "the parent's session read: ",$$session?1.N,!
 job work^jobsess1(f,flag,$$session):(output="/dev/null":error="/dev/null")
 for i=1:1:200 quit:$$exists(flag)  hang .05
 open f:(readonly) use f
 for  read line quit:$zeof  use $principal write line,! use f
 close f
 do rm(f),rm(flag)
 quit
work(f,flag,parent) new s
 set s=$$session
 open f:(newversion) use f
 write "in the parent's session: ",s=parent,!
 close f
 open flag:(newversion) close flag
 quit
session() new l ; field 6 of /proc/self/stat: after "pid (comm) ", state ppid pgrp session
 open "/proc/self/stat":(readonly) use "/proc/self/stat" read l close "/proc/self/stat"
 quit $piece($piece(l,") ",2)," ",4)
exists(f) new ok,$etrap set ok=0,$etrap="set $ecode="""" quit" do try(f)
 quit ok
try(f) open f:(readonly) set ok=1 close f quit
rm(f) open f:(newversion) close f:(delete)
 quit
