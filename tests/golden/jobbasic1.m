jobbasic1 ; JOB label^routine(args): the job's principal output goes to a file; the parent polls it until the job's last line appears
 set out="/tmp/minimgold4-jobbasic1.out",err="/tmp/minimgold4-jobbasic1.err"
 do rm(out),rm(err)
 job child^jobbasic1(3,"abc"):(output="/tmp/minimgold4-jobbasic1.out":error="/tmp/minimgold4-jobbasic1.err")
 write "$zjob>0: ",$zjob>0,!
 write "$zjob'=$job: ",$zjob'=$job,!
 for i=1:1:200 do load quit:$get(lines(n))="end"  hang .05
 for i=1:1:n write "job said: ",lines(i),!
 do rm(out),rm(err)
 quit
load kill lines set n=0 quit:'$$exists(out)
 open out:(readonly) use out
 for  read line quit:$zeof  set n=n+1,lines(n)=line
 close out use $principal
 quit
child(n,s) write "n=",n," s=",s,!
 write "sum=",n+n,!
 write "$zlevel=",$zlevel,!
 write "end",!
 quit
exists(f) new ok,$etrap set ok=0,$etrap="set $ecode="""" quit" do try(f)
 quit ok
try(f) open f:(readonly) set ok=1 close f quit
rm(f) open f:(newversion) close f:(delete)
 quit
