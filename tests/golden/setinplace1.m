setinplace1 ; SET in place: c=$EXTRACT(s,i), s=s_c, x(a,b)=v; $LENGTH(x(s)), $GET(x(s)), IF c="x"
 set $etrap="write $piece($zstatus,"","",2,4),"" "",$ecode,"" ref="",$reference,! set $ecode="""" quit"
 for t=1:1:19 write t,": " do @("t"_t)
 quit
t1 ; a character taken from a long string into a long string, a number, nothing
 new s,c,i set s="01234567890123456789xyz",c=$justify("",40)
 for i=0,1,2,23,24,-1,2.7,"3x" set c=$extract(s,i) write i,":",c,":",$length(c),":",c=1,":",c+1," "
 write !
 set c=12.5,c=$extract(s,3) write c," ",c+0," ",c=2," ",c="2",!
 kill c set c=$extract(s,2) write c,!
 quit
t2 ; the string a number; the target the string itself, or the position
 new s,c,i set s=1234.5,i=5,c=$extract(s,i) write c,!
 set s="hello",i=2,s=$extract(s,i) write s,!
 set s="hello",i=3,i=$extract(s,i) write i,!
 set s=-0.5,i=1,c=$extract(s,i) write c,!
 quit
t3 new s,c,i set i=1,c="z" set c=$extract(s,i) write "not reached",!
 quit
t4 new s,c,i set s="abc",c="z" set c=$extract(s,i) write "not reached",!
 quit
t5 ; one byte appended to a number, a long string, itself
 new s,c,t,i set s=12,c=3,s=s_c write s," ",s+1,!
 set t="5",s=1,s=s_t write s+0," ",s=15,!
 set s="",c="a" for i=1:1:20 set s=s_c
 write s," ",$length(s),!
 set s="x",s=s_s write s,!
 set s=$justify("",20),s=s_"q" write $length(s),!
 set s=7,s=s_"" write s,!
 set s=1,c=0,s=s_c write s=10," ",s/2,!
 quit
t6 new s,c set c="a" set s=s_c write "not reached",!
 quit
t7 new s,c set s="a" set s=s_c write "not reached",!
 quit
t8 new s set s=$justify("",1048576) write $length(s),! set s=s_"x" write "not reached",!
 quit
t9 new x,a,b set a=1,b="01" set x(a,b)=1,x(a,b,3)="c",x(1,1)=2,x(a,"len")=$get(x(a,"len"))+5
 set x(a,"len")=$get(x(a,"len"))+$length(x(a,b,3)),x(1.0,"1E1")=3,x(-0,"")=4
 zwrite x
 quit
t10 new x,a set x(1,2)=0 set x(a,2)=$$w() write "not reached",!
 quit
w() write "value evaluated",! quit 1
t11 new x,a set a=1 set x(a,2)=$$inc() zwrite x write a,!
 quit
inc() set a=a+1 quit a
t12 new f,k set f(1)="Smith, John",f(2)=12.50,f("01")="x",k=1 write $length(f(k)),",",$length(f(2)),",",$length(f("01")),!
 set k=2 write $get(f(k)),":",$get(f(k),"d"),":",$get(f(3),"d"),":",$get(f("1")),":",$get(f(k),$$w()),!
 quit
t13 new f,k set f(1)="a" write $length(f(k)),!
 quit
t14 new f,k set k=2,f(1)="a" write $length(f(k)),!
 quit
t15 new f,k set f(1)="a" write $get(f(k)),!
 quit
t16 new ch,q set ch=1 write ch="1",ch=1,ch="01",!
 set ch="1E2" write ch=100,ch="1E2",! set q="1abc" if q write "t",!
 set q="0.0" if 'q write "f",!
 set q=" 1" write $select(q:"t",1:"f"),!
 quit
t17 new s,p,ch set s="a,""b"",c",ch="" for p=1:1:$length(s) set ch=$extract(s,p) write $select(ch=",":"C",ch="""":"Q",1:ch)
 write !
 quit
t18 if zz="," write "not reached",!
 quit
t19 new x,a,b set a=1 set x(a,b)=1 write "not reached",!
 quit
