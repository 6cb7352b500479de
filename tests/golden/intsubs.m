intsubs ; subscripts worked out from known integers ($DATA, SET, KILL of x(r+c)), and
 ; comparisons of built-ins' integer sums with an integer literal ($LENGTH(s)>40)
 new r,c,n,x,s,t,k,big,i
 set r=3,c=4,n=10
 set x(r+c)=1,x(r-c+n)=2,x(r*c)=3,x(r#c)=4,x(c-r-n)=5
 set k="" for  set k=$order(x(k)) quit:k=""  write k,"=",x(k)," "
 write !,$data(x(r+c)),$data(x(r-c+n)),$data(x(r*c)),$data(x(c-r-n)),$data(x(r+c+1)),!
 write '$data(x(r+c)),'$data(x(r+n)),!
 ; strings holding numbers: the arithmetic reads their numbers
 set r="03",c="4abc"
 write $data(x(r+c)),$data(x(r_c)),!
 set x(r+c,1)=7 write $data(x(r+c)),!
 kill x(r+c) write $data(x(r+c)),$data(x(7)),!
 ; decimals, exponents and big integers go the general way, same subscripts
 set r=1.5,c=2.5 set x(r+c)="four" write x(4),!
 set r=.5,c=1 set x(r+c)="one and a half" write x(1.5),$data(x(r+c)),!
 set big=999999999999999999
 set x(big+1)="e18",x(big#-2)="mod",x(big-1)="less"
 set k="" for  set k=$order(x(k)) quit:k=""  write k," "
 write !,$data(x(big+1)),$data(x(1000000000000000000)),$data(x(big#-2)),!
 kill x(big+1),x(big#-2) write $data(x(1000000000000000000)),$data(x(big#-2)),!
 set r=-5,c=5 set x(r+c)="zero" write x(0),$data(x(r+c)),$data(x(r-c)),!
 ; the subscript is taken before the value
 set i=1 set x(i+1)=$$inc() write x(2),",",i,!
 ; an undefined operand: the ordinary evaluation's error
 new $etrap set $etrap="write $piece($zstatus,"","",2,4),! set $ecode="""""
 do
 . write $data(x(zz+1)),!
 do
 . set x(zz-1)=1
 do
 . kill x(1+zz)
 ; $LENGTH and other integer sums compared with an integer literal
 set s="abcdef",t=""
 write $length(s)>5,$length(s)>6,$length(s)<7,$length(s)'>6,$length(s)'<6,$l(t)<1,!
 write $length(s)+$length(t)>5,$find(s,"c")>3,$find(s,"z")<1,$l(s,"c")>1,$a(s)>96,!
 set s=12345.5 write $length(s)>6,$length(s)>"6",$length(s)>6.5,$length(s)>-1,!
 if $length(s)>6 write "yes",!
 write:$length(s)<7 "short",!
 for i=1:1:3 set t=t_"xy" write:$length(t)>4 "long:",t,!
 set t="" for i=1:1:30 set t=t_"ab"
 write $length(t)>59,$length(t)>60,$length(t)<61,$length(t)'<60,!
 set t(1)=1
 do
 . write $length(t)>2,!
 kill t set t(1)=1
 do
 . write $length(t)>2,!
 do
 . if $length(nosuch)>2 write "no",!
 do
 . write:$l(nosuch)<2 "no",!
 quit
inc() set i=i+5 quit "v"
