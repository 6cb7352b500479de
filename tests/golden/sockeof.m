sockeof	; the peer closes: READ gives end of file, again and again (IOERROR NOTRAP)
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write "last words",$char(10) close "cli"
	use $principal write "client wrote a line and closed",!
	use "srv":(SOCKET=h)
	read x:5 do show("READ x:5")
	read x:5 do show("READ x:5")
	read x:5 do show("READ x:5 again")
	read *x:5 do show("READ *x:5")
	read x#4:5 do show("READ x#4:5")
	close "srv"
	quit
show(what)	new t,k,zb,d,za,zeof,dx
	set t=$test,k=$key,zb=$zb,d=$device,za=$za,zeof=$zeof,dx=$x
	use $principal
	write what,": x=",$zwrite(x)," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(zb)
	write " $DEVICE=",$zwrite(d)," $ZA=",za," $ZEOF=",zeof," $X=",dx,!
	use "srv"
	quit
