getsecond1	; $GET's default and $ORDER's direction: evaluated after the reference is named
	; (and, for $GET, read), even when the default is not needed
	set x=1 write $get(x,$$say(1)),!
	kill x write $get(x,$$say(2)),!
	set x(0)="kept" write $get(x(0),$$gone()),"|",$data(x(0)),!
	set j=1,y(1)=5 write $get(y(j),$increment(j)),j,!
	; a global reference is the naked indicator's base for the second argument, which
	; leaves the naked indicator as it finds it
	kill ^a,^b set ^a(1)=1,^a(2)=2,^a(3)=1,^b(3)=-1,^b(0)="^a(1)"
	write $order(^a(1),^(3)),"|",$reference,!
	write $order(@^b(0),^(3)),"|",$reference,!
	write $get(^a(1),^(2)),"|",$reference,!
	write $order(^b(""),^a(3)),"|",$reference,!
	write $order(^a(3),^b(3)),"|",$reference,!
	quit
say(v)	write "<",v,">"
	quit v
gone()	kill x(0)
	quit "default"
