sockeoftrap	; IOERROR="T": the first READ at end of file returns, the second raises IOEOF
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me":IOERROR="T"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	close "srv":(SOCKET=h)
	use $principal write "server closed its end",!
	do rd("1st READ x:5"),rd("2nd READ x:5"),rd("3rd READ x:5")
	close "cli","srv"
	quit
rd(what)	new $etrap
	set $etrap="use $principal write what,"": error "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "cli" read x:5
	new t,d,za,zeof set t=$test,d=$device,za=$za,zeof=$zeof
	use $principal write what,": x=",$zwrite(x)," $TEST=",t," $DEVICE=",$zwrite(d)," $ZA=",za," $ZEOF=",zeof,!
	quit
