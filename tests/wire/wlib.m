wlib	; helpers for the wire routines (tests/wire.rs is the raw TCP peer)
	quit
	;
connect(p,s)	; opens "s" as a client of the Rust peer listening on 127.0.0.1:p; halts on failure
	open "s":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(13,10)_":"_$char(10)):5:"SOCKET"
	else  use $principal write "cannot connect",! halt
	quit
	;
show(what)	; after a READ (or WRITE) with "s" current: the value read and the device's state
	new t,k,z,d,za,ze
	set t=$test,k=$key,z=$zb,d=$device,za=$za,ze=$zeof
	use $principal
	write what,": x=",$zwrite(x)," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(z)
	write " $DEVICE=",$zwrite(d)," $ZA=",za," $ZEOF=",ze,!
	use "s"
	quit
	;
xy(what)	; after a WRITE with "s" current: $X and $Y
	new x,y
	set x=$x,y=$y
	use $principal write what,": $X=",x," $Y=",y,!
	use "s"
	quit
	;
fill(n,c)	; n copies of the character c
	quit $translate($justify("",n)," ",c)
