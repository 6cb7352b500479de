sockstar	; READ *x: the code of one character; delimiter characters are not special
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write "Q",$char(10),"z"
	use "srv":(SOCKET=h)
	read *x:5 do show("READ *x:5 of Q")
	read *x:5 do show("READ *x:5 of LF")
	read *x:5 do show("READ *x:5 of z")
	read *x:0.2 do show("READ *x:0.2 with nothing")
	use "srv":(NODELIMITER)
	use "cli" write $char(10)
	use "srv" read *x:5 do show("READ *x:5 of LF, NODELIMITER")
	close "cli","srv"
	quit
show(what)	new t,k,zb,d
	set t=$test,k=$key,zb=$zb,d=$device
	use $principal
	write what,": x=",x," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(zb)," $DEVICE=",$zwrite(d),!
	use "srv"
	quit
