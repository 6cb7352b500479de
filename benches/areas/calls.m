calls	; area: calls: DO without arguments, DO with arguments, extrinsic functions
	new i,x,y
	set (x,y)=0
	for i=1:1:300000 do inc
	for i=1:1:300000 do add2(i,2)
	for i=1:1:300000 set x=$$add(x,i)
	write "calls ",x," ",y,!
	quit
inc	set y=y+1
	quit
add2(a,b)	set y=y+a-b
	quit
add(a,b)	quit a+b
