sockexc	; EXCEPTION with IOERROR="T": the first READ at end of file runs the exception code
	new p,h,x,n
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "srv":(SOCKET=h)
	use "srv":(IOERROR="T":EXCEPTION="goto eof^sockexc")
	use "cli" write "one line",! close "cli"
	use "srv" read x:5 use $principal write "read: ",x," $TEST=",$test,!
	use "srv" read x:5 use $principal write "not reached",!
	quit
eof	use $principal write "exception: ",$piece($zstatus,",",3,9),!
	write "$ZEOF=",$zeof," (device is $PRINCIPAL now)",!
	close "srv"
	quit
