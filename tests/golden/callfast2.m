callfast2	; calls that leave by ZGOTO or an error while actuals wait to be bound; $STACK in calls
	new a,b
	set a="a0"
	do start
	write "not reached",!
	quit
start	do pair($$jump(),2)
	write "not reached",!
	quit
pair(a,b)	write "not reached",!
	quit
jump()	zgoto 1:back
	quit 1
back	write "back: a=",a," b=",$data(b)," $stack=",$stack,!
	do rest
	quit
rest	write $$lev(1),!
	do lev2(1)
	; DO with an offset and a label in XECUTE text
	do two+1
	xecute "do show(""x"")"
	xecute "write $$swap(1,2),!"
	; the same label from a loop and from XECUTE text alternately
	for b=1:1:2 do show(b) xecute "do show(b_""x"")"
	quit
lev(n)	quit $stack_":"_$stack(1)_":"_$stack($stack)_":"_$stack($stack,"PLACE")
lev2(n)	write $stack,":",$stack(1),":",$stack($stack,"PLACE"),! zshow "S"
	quit
two	write "two line 1",!
	write "two line 2",!
	quit
show(v)	write "show ",v,!
	quit
swap(a,b)	quit b_":"_a
