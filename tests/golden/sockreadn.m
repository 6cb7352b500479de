sockreadn	; READ x#n: at most n characters, $KEY=$ZB="" unless a delimiter came first
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write "abcdefgh",$char(10),"xy",$char(10)
	use "srv":(SOCKET=h)
	read x#3:5 do show("READ x#3:5")
	read x:5 do show("READ x:5")
	read x#5:5 do show("READ x#5:5 of xy LF")
	use "cli" write "12345"
	use "srv" read x#5:5 do show("READ x#5:5 of exactly 5, no delimiter")
	use "cli" write "67"
	use "srv" read x#5:0.2 do show("READ x#5:0.2 of only 2")
	close "cli","srv"
	quit
show(what)	new t,k,zb,d
	set t=$test,k=$key,zb=$zb,d=$device
	use $principal
	write what,": x=",$zwrite(x)," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(zb)," $DEVICE=",$zwrite(d),!
	use "srv"
	quit
