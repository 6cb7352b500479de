forctrl1	; FOR's control variable: a subscripted or indirect local left its number at the limit; a global is VAREXPECTED when the FOR runs
	new a,b,i,x
	set $etrap="write $piece($zstatus,"","",2,3),! set $ecode="""" quit"
	for a(1)=1:1:3 set a(1)=a(1)_"x"
	zwrite a
	for a("k",2)=1:2:6 set a("k",2)=a("k",2)_"y"
	for b=1:1:2 set b=b_"z"
	zwrite a,b
	set i=0 for a(3)=1:1 set i=i+1,a(3)=a(3)_"w" quit:i>3
	set x="a(4)" for @x=1:1:3 set @x=@x_"q"
	zwrite a
	do t1,t2,t3,t4
	quit
t1	write "t1 " for ^x(1)=1:1:3 write "never",!
	quit
t2	write "t2 " set ^x(1)=1 for ^(2)=1:1:2 write "never",!
	quit
t3	set x="^x(1)" write "t3 " for @x=1:1:2 write "never "
	quit
t4	write "t4 " for a(5)=1:1:3 kill:a(5)=2 a(5)
	write "after",!
	quit
