zahandle1 ; $ZAHANDLE: one identifier per array a local name is bound to
 new a,h,h3 set a=1,h=$zahandle(a)
 write "hex: ",h?1.16(1N,1"A",1"B",1"C",1"D",1"E",1"F")," same twice: ",$zahandle(a)=h,!
 do r(.a,a)
 set h3=$zahandle(a) kill a write "after kill same: ",$zahandle(a)=h3,!
 set a=5 write "after set same: ",$zahandle(a)=h3,!
 do n
 write "after new returns same: ",$zahandle(a)=h3,!
 write "indirect same: ",$zahandle(@"a")=h3,!
 new b write "other name differs: ",$zahandle(b)'=h3," never set: ",$zahandle(b)'="",!
 set a(1)=3 write "subscripted: [",$zahandle(a(1)),"] [",$zahandle(@"a(1)"),"]",!
 do t("write $zahandle(a(1,2))")
 do t("write $zahandle(@""^g"")")
 quit
r(b,c) write "byref same: ",$zahandle(b)=h," byval same: ",$zahandle(c)=h,!
 quit
n new a write "new'd same: ",$zahandle(a)=h3,! set a=2 write "set same: ",$zahandle(a)=h3,!
 quit
t(cmd) new $etrap set $etrap="write ""  ERR "",$zstatus,! set $ecode="""" quit"
 write cmd,!
 xecute cmd
 quit
