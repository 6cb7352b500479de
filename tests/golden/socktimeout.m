socktimeout	; timed READ that runs out: $TEST=0; a partial line is returned and consumed
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "srv":(SOCKET=h)
	read x:0.2 do show("READ x:0.2, nothing sent")
	read x:0 do show("READ x:0, nothing sent")
	use "cli" write "part"
	use "srv" read x:0.2 do show("READ x:0.2 of part")
	use "cli" write "ial",$char(10)
	use "srv" read x:5 do show("READ x:5 after ial LF")
	close "cli","srv"
	quit
show(what)	new t,k,zb,d
	set t=$test,k=$key,zb=$zb,d=$device
	use $principal
	write what,": x=",$zwrite(x)," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(zb)," $DEVICE=",$zwrite(d),!
	use "srv"
	quit
