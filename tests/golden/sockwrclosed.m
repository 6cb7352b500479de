sockwrclosed	; WRITE to a connection the peer has closed: NOTRAP sets $DEVICE, TRAP raises SOCKWRITE
	new p,h,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	close "srv":(SOCKET=h)
	use "cli" read x:5 do show("client READ x:5 (end of file)")
	use "cli" write "anyone there?",! do show("1st WRITE, IOERROR NOTRAP")
	use "cli" write "hello?",! do show("2nd WRITE, IOERROR NOTRAP")
	use "cli":(IOERROR="T")
	do wr("3rd WRITE, IOERROR=T"),wr("4th WRITE, IOERROR=T")
	close "cli","srv"
	use $principal write "the process is still alive",!
	quit
wr(what)	new $etrap
	set $etrap="use $principal write what,"": error "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "cli" write "still there?",!
	do show(what_": no error")
	quit
show(what)	new d,za
	set d=$device,za=$za
	use $principal write what,": $DEVICE=",$zwrite(d)," $ZA=",za,!
	quit
