jobparm1 ; JOB parameters: DEFAULT, CMDLINE, PASSCURLVN, the default ROUTINE.mjo/.mje, actuals, indirection; the parent waits for each child with a bounded loop
 set dir="/tmp"
 set a=1,a("x",2)="two",b="b"_$char(0)_"c"
 job child^jobparm1("arg 1",42,):(default="/tmp")
 do wait write "default output:",! do show(dir_"/jobparm1.mjo")
 write "default error:",! do show(dir_"/jobparm1.mje")
 job vars^jobparm1:(output="/tmp/minimgold-jobparm1-v.out":error="/dev/null":passcurlvn:cmdline="one  two")
 do wait write "passcurlvn:",! do show(dir_"/minimgold-jobparm1-v.out")
 job vars^jobparm1:(output="/tmp/minimgold-jobparm1-w.out":error="/dev/null")
 do wait write "no passcurlvn:",! do show(dir_"/minimgold-jobparm1-w.out")
 set j="vars^jobparm1:(output="""_dir_"/minimgold-jobparm1-i.out"":error=""/dev/null""):5"
 job @j write "indirect $test=",$test,! do wait do show(dir_"/minimgold-jobparm1-i.out")
 job cwd^jobparm1:(default="/tmp":output="minimgold-jobparm1-c.out":error="/dev/null")
 do wait write "relative to DEFAULT:",! do show(dir_"/minimgold-jobparm1-c.out")
 for f="jobparm1.mjo","jobparm1.mje","minimgold-jobparm1-v.out","minimgold-jobparm1-w.out","minimgold-jobparm1-i.out","minimgold-jobparm1-c.out" do rm(dir_"/"_f)
 quit
wait new i set pid=$zjob
 for i=1:1:400 quit:'$zgetjpi(pid,"ISPROCALIVE")  hang 0.025
 quit
show(f) new line
 open f:(readonly) use f
 for  read line quit:$zeof  use $principal write "  ",line,! use f
 close f use $principal
 quit
rm(f) open f:(newversion) close f:(delete)
 quit
child(x,y,z) write "x=",x," y=",y," z=[",$get(z,"undef"),"]",!
 write "$zjob=",$zjob," $io=",$io," $principal=",$principal,!
 write "a defined: ",$data(a),!
 write "$zdirectory=",$zdirectory,!
 write "$zmode=",$zmode,!
 quit
vars write "a=",$get(a)," a(x,2)=",$get(a("x",2))," b len=",$length($get(b))," b=",$ascii($get(b),2),!
 write "cmdline=[",$zcmdline,"]",!
 quit
cwd write "$zdirectory=",$zdirectory,! quit
