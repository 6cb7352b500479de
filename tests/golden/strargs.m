strargs	; string built-ins: GT.M reads a bare local string argument after the other arguments
	set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	new a,b,c,d,s,q set s="hello world"
	do u0
	do u1
	do u2
	do u3
	do u4
	do u5
	do u6
	do u7
	do u8
	do u9
	do u10
	do u11
	do u12
	do u13
	do u14
	do u15
	do u16
	do u17
	do u18
	do u19
	do u20
	do u21
	do u22
	do u23
	do u24
	do u25
	do u26
	do u27
	do u28
	do u29
	do u30
	do u31
	do more
	quit
u0	kill a,b,c,q write "$extract(a,b): " write $extract(a,b),!
	quit
u1	kill a,b,c,q write "$extract(a,b+1): " write $extract(a,b+1),!
	quit
u2	kill a,b,c,q write "$extract(a,1/0): " write $extract(a,1/0),!
	quit
u3	kill a,b,c,q write "$extract(a_1,b): " write $extract(a_1,b),!
	quit
u4	kill a,b,c,q write "$extract(a,b,c): " write $extract(a,b,c),!
	quit
u5	kill a,b,c,q write "$piece(a,b): " write $piece(a,b),!
	quit
u6	kill a,b,c,q write "$length(a,b): " write $length(a,b),!
	quit
u7	kill a,b,c,q write "$extract(a,$length(b)): " write $extract(a,$length(b)),!
	quit
u8	kill a,b,c,q write "$piece(a,b,c): " write $piece(a,b,c),!
	quit
u9	kill a,b,c,q write "$piece(s,b,c): " write $piece(s,b,c),!
	quit
u10	kill a,b,c,q write "$find(a,b,c): " write $find(a,b,c),!
	quit
u11	kill a,b,c,q write "$translate(a,b,c): " write $translate(a,b,c),!
	quit
u12	kill a,b,c,q write "$extract(s,b,c): " write $extract(s,b,c),!
	quit
u13	kill a,b,c,q write "$extract(a,b_1): " write $extract(a,b_1),!
	quit
u14	kill a,b,c,q write "$ascii(a,b): " write $ascii(a,b),!
	quit
u15	kill a,b,c,q write "$extract(a,b)+$extract(c,1): " write $extract(a,b)+$extract(c,1),!
	quit
u16	kill a,b,c,q write "$ascii($piece(q,1,1/0)): " write $ascii($piece(q,1,1/0)),!
	quit
u17	kill a,b,c,q write "$piece(q,1,1/0): " write $piece(q,1,1/0),!
	quit
u18	kill a,b,c,q write "$length($extract(q,1,1/0)): " write $length($extract(q,1,1/0)),!
	quit
u19	kill a,b,c,q write "$ascii(q,1/0): " write $ascii(q,1/0),!
	quit
u20	kill a,b,c,q write "$find(b,$extract(c,1)): " write $find(b,$extract(c,1)),!
	quit
u21	kill a,b,c,q write "$length($piece(a,1),b): " write $length($piece(a,1),b),!
	quit
u22	kill a,b,c,q write "$translate(s,a,c): " write $translate(s,a,c),!
	quit
u23	kill a,b,c,q write "$length($piece(a,b)): " write $length($piece(a,b)),!
	quit
u24	kill a,b,c,q set a="abc",d="b" write "$extract(a,$$f()): " write $extract(a,$$f()),!
	quit
u25	kill a,b,c,q set a="abc",d="b" write "$piece(a,$$f()): " write $piece(a,$$f()),!
	quit
u26	kill a,b,c,q set a="abc",d="b" write "$find(a,b,$$f()): " write $find(a,b,$$f()),!
	quit
u27	kill a,b,c,q set a="abc",d="b" write "$translate(a,$$f(),c): " write $translate(a,$$f(),c),!
	quit
u28	kill a,b,c,q set a="abc",d="b" write "$ascii(a,$$f()): " write $ascii(a,$$f()),!
	quit
u29	kill a,b,c,q set a="abc",d="b" write "$piece(d,$$f()): " write $piece(d,$$f()),!
	quit
u30	kill a,b,c,q set a="abc",d="b" write "$extract(a,1)_$$f(): " write $extract(a,1)_$$f(),!
	quit
u31	kill a,b,c,q set a="abc",d="b" write "a_$$f(): " write a_$$f(),!
	quit
f()	set a="xyz",d="y",b="y",c="z" quit 2
more	; results of the handlers: in place, inner $E/$P, caches
	new r,i,j,t,x,n
	set r="" for j=1:1:20 set r=r_"field"_j_"^"
	for j=0:1:22 write $length($piece(r,"^",j)),":",$piece(r,"^",j,j+1),"|"
	write !
	for j=22:-1:0 write $piece(r,"^",j),","
	write !
	write $piece(r,"fi",3),"|",$piece(r,"^^",1),"|",$piece(r,"",1),"|",$piece(r,"^",3,2),"|",$piece(r,"^",-1,2),!
	write $length(r,"^"),$length(r,""),$length(r,"ld"),$length("","^"),!
	set x="The Quick Brown Fox, Jumps Over; The Lazy Dog!"
	for i=1:1:6 write $translate(x,$extract("aeiouT",i),$extract("AEIOU",i)),!
	write $translate(x,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz"),"|",$translate(x,", ;!"),"|",$translate(x,"oO","0"),!
	write $find(x,"o"),$find(x,"o",14),$find(x,"Lazy"),$find(x,""),$find(x,"",99),$find(x,"zz"),$find(x,"!",46),!
	write $ascii(x),$ascii(x,0),$ascii(x,46),$ascii(x,47),$ascii($extract(x,5,9),2),$ascii($piece(x," ",3),5),!
	write $extract(x,-5,3),"|",$extract(x,44,99),"|",$extract(x,"2abc","4xyz"),"|",$extract(x,9.9),"|",$extract(x,1E20),"|",!
	set t=x for i=1:1:30 set $piece(t," ",i#12+1)=i
	write t,!
	set t=x for i=1:1:30 set $extract(t,i#50+1)="xy"
	write t,!
	set t="" set $piece(t,"^^",4)="z",$extract(t,12)="e" write t,!
	set n=0 for i=1:1:200 for j=1:1:5 set n=n+$length($piece(r,"^",j))+$ascii($extract(r,j))
	write n,!
	quit
