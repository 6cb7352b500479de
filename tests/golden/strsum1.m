strsum1	; sums of $ASCII/$LENGTH/$LENGTH($EXTRACT) results, one-byte $EXTRACT at odd positions
	new s,n,c,j,k,x,r
	set s="abcdef"
	for j=-1,0,1,1.9,2,"3abc","",6,7,100 write "e(",j,")=[",$extract(s,j),"] "
	write !
	set x=123.40 for j=0:1:6 write $extract(x,j),"|"
	write $extract(123.40,4),"|",$extract(-0.5,1),"|",$extract("",1),"|",$extract(s,2,2),!
	set n=0,c="a"
	for j=-2:1:8 set n=n+$ascii(c)+$length($extract(s,j,j+5)) write n," "
	write !
	for j=-2:1:8 write $ascii(s,j)+$length($extract(s,j))-$length($extract(s,j,j#3+1)),","
	write !
	set n=2.5 write n+$ascii(c),"/",n-$length(s)+1,!
	set n="3abc" write n+$length(s),"/",$length(s)+n,!
	set n="" write n+$ascii(s,2),!
	set c="" write 10+$ascii(c)+$length(c),!
	set n=99999999999999999 write n+$length(s),"/",n+$length(s)+$length(s),!
	set n=999999999999999999 write n+$length(s),"/",-n-$length(s),!
	set n=123456789012345678 write n+$ascii(s)-$ascii(s),!
	set k=1E17 write k+$length(s),"/",1E17+$length(s),!
	set x=12.5 write $length(x)+$ascii(x,3)+$length($extract(x,2,3)),!
	set r=0 for j=1:1:6 set r=r-$ascii(s,j)+$length($extract(s,1,j)) write r," "
	write !
	set x="a,b,,c" write 1+$length(x,",")+$length(x,"")+$length(x,",,")-$length(x,"z"),"/",$length(12.5,".")+$length(x),!
	set j="2.9" write $length($extract(s,j,j+1))+$ascii(s,j),!
	write $length($extract(s,1,2.5))+$length($extract(s,"1x","4y")),!
	set c="b" if c="b" write "eq "
	if c="a" write "no "
	if '(c="b") write "no "
	set c=1 if c="1" write "num "
	set c=1.50 if c="1.5" write "canon "
	if c=1.5 write "both "
	set c="01" if c=1 write "no "
	if c="01" write "text "
	set c=0 if c write "no "
	set c="0.0" if c write "no "
	set c="2x" if c write "yes "
	write !
	set r="" for j=1:1:20 set r=r_$extract(s,j#7) write $length(r),":",r," "
	write !
	set r=12 set r=r_3 write r+1,"/",r_"",!
	do u1,u2,u3,u4,u5
	quit
trap	write $piece($zstatus,",",3,4),!
	set $ecode=""
	quit
u1	new $etrap set $etrap="goto trap^strsum1"
	write n+$ascii(undefvar),!
	quit
u2	new $etrap set $etrap="goto trap^strsum1"
	write undefn+$length($extract(s,1,2)),!
	quit
u5	new $etrap set $etrap="goto trap^strsum1"
	write 1+$length($extract(undefs,1,2)),!
	quit
u3	new $etrap set $etrap="goto trap^strsum1"
	write $extract(undefs,undefj),!
	quit
u4	new $etrap set $etrap="goto trap^strsum1"
	new a set a=1 write a+$ascii(s,undefj),!
	quit
