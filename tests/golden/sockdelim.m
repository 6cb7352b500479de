sockdelim	; READ ends at a delimiter: the delimiter is stripped, $KEY and $ZB hold it
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(13,10)_":"_$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write "line1",$char(13,10),"line2",$char(10),"mid",$char(13),"cr",$char(10)
	use "srv":(SOCKET=h)
	read x:5 do show("line1 CR LF")
	read x:5 do show("line2 LF")
	read x:5 do show("mid CR cr LF")
	; several characters per delimiter, several delimiters
	use "srv":(SOCKET=h:DELIMITER="ab:cd")
	use "cli" write "1stab2ndcd3rd",$char(10)
	use "srv" read x:5 do show("DELIMITER=""ab:cd"" 1stab")
	read x:5 do show("2ndcd")
	read x:0.2 do show("3rd LF (LF is no longer a delimiter)")
	close "cli","srv"
	quit
show(what)	new t,k,zb,d,za,zeof
	set t=$test,k=$key,zb=$zb,d=$device,za=$za,zeof=$zeof
	use $principal
	write what,": x=",$zwrite(x)," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(zb)," $DEVICE=",$zwrite(d)," $ZA=",za," $ZEOF=",zeof,!
	use "srv"
	quit
