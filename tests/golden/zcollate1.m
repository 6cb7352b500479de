zcollate1 ; $ZCOLLATE and $ZATRANSFORM: GT.M's key bytes for a name or a subscript, and back
 new x,y,list,i,j,a,b,ok
 for x="^a","^a(1)","^a(""x"")","^a(1,2,""abc"")","^a(-1.5)","^a("""")","^a(0)","^a(.5)","a(1)","x","^%a","^a(1,""a"")","^|""x""|a(1)","^a(""b""_$c(1,0)_""x"")","^a($c(65))","^a(""q""""u"")","^a(123456789012345678,-.000001,.00001)","^abcdefghijklmnopqrstuvwxyz12345678(1)" do
 . set y=$zcollate(x,0)
 . write x," => " do bytes(y)
 . write "   back=" do show($zcollate(y,0,1)) write "  same dir 0: ",$zcollate(x,0,0)=y,!
 for y=$c(97,98,0,0,0),$c(97,0,0,5),$c(97,0,191,17,0),"abc",$c(0,0) write "back of " do bytes(y) write " = " do show($zcollate(y,0,1)) write !
 for x="^a(1","","a b","^a()","^a(1+1)","^a(x)","^a(-0)","^a(1E3)","^a(""01"")" write x,": " do try("$zcollate(x,0)")
 do try("$zcollate(""^a(1)"",1)")
 do try("$zatransform(1,2)")
 for x=1,-1,"abc","",0,.5,"1E3",1E3,12345678901234567890,"-1.5","01"," ",$c(0,1,2),-.000001 do
 . set y=$zatransform(x,0)
 . write x," => " do bytes(y)
 . write "   back=",$zatransform(y,0,1),"  as string: " do bytes($zatransform(x,0,0,1))
 . write !
 write $zatransform("abc",0,2),$zatransform("b",0,-2),$zatransform(5,0,2),$zatransform(5,0,-2),"|",$zatransform("",0,2),"|",$zatransform($c(255),0,2),"|",!
 write $zatransform($c(191,17),0,1)," ",$zatransform($c(255,98),0,1)," ",$zatransform($c(255,98,0,255,99,0),0,1),!
 ; the key bytes sort as M collates
 new v,n set n=0
 for a=-100,-1.5,-1,-.5,0,.001,.5,1,2,10,100,1E6,"!","-1","0","01","1E3","A","a","ab","b",$c(0),$c(1),$c(1,2) set n=n+1,v(n)=a
 set ok=1
 for i=1:1:n for j=1:1:n do
 . set a=v(i),b=v(j)
 . if ($zatransform(a,0)]$zatransform(b,0))'=(a]]b) set ok=0 write "order differs: ",a," ",b,!
 write "order ok: ",ok,!
 quit
bytes(s) new i
 for i=1:1:$length(s) write $ascii(s,i)," "
 quit
show(s) new i,c
 for i=1:1:$length(s) set c=$ascii(s,i) write $select(c<32:"<"_c_">",1:$char(c))
 quit
try(e) new $etrap,r set $etrap="write ""  ERR "",$zstatus,! set $ecode="""" quit"
 write e," =>"
 xecute "set r="_e
 write " " do bytes(r) write !
 quit
