demo	; a GT.M SOCKET device conversation, both ends in one process
	;
	; Run:   gtm-run demo.m
	;
	; Device "server" listens on a port the system picks (port 0), device "client"
	; connects to it, the server accepts with WRITE /WAIT, and the two exchange a few
	; messages.  After each step the routine shows the I/O intrinsics that step set:
	; $TEST, $KEY, $DEVICE, $ZB (and $ZEOF, $ZA at the end).  Generated socket handles
	; and the port number change from run to run and are shown as <handle> and <port>,
	; so the output is the same every time.  Takes about 0.2 seconds.
	;
	new srv,cli,port,h,x,crlf
	set srv="server",cli="client",crlf=$char(13,10)
	write "GT.M socket device demo: a server and a client in one process",!
	;
	do note("The server listens on port 0 (the system picks a free port).")
	open srv:(LISTEN="0:TCP":DELIMITER=crlf_":"_$char(10):ZNODELAY):2:"SOCKET"
	do st("OPEN (current device is still $PRINCIPAL)")
	use srv
	do st("USE server")
	set port=$piece($key,"|",3)
	write /listen(1)
	do st("WRITE /LISTEN(1)")
	;
	do note("The client connects to 127.0.0.1 on that port.")
	open cli:(CONNECT="127.0.0.1:"_port_":TCP":DELIMITER=crlf_":"_$char(10):ZNODELAY):2:"SOCKET"
	do st("OPEN with CONNECT")
	use cli
	do st("USE client")
	;
	do note("The server waits for the connection.")
	use srv write /wait(2)
	do st("WRITE /WAIT(2)")
	set h=$piece($key,"|",2)                ; the new socket, now the current one
	;
	do note("They talk, one line at a time (WRITE ! sends the first delimiter, CR LF).")
	do say(cli,"Hello, server!")
	use srv read x:2 do heard("server","READ x:2",x)
	do say(srv,"Hello, client. Send me some letters.")
	use cli read x:2 do heard("client","READ x:2",x)
	;
	do note("A line ended by LF alone, read in two parts.")
	do raw("abcdefgh"_$char(10))
	use srv read x#3:2 do heard("server","READ x#3:2",x)
	use srv read x:2 do heard("server","READ x:2",x)
	;
	do note("A single character, read as a code.")
	do raw("Q")
	use srv read *x:2 do heard("server","READ *x:2",x)
	use $principal write "        (that is $CHAR(",x,")=""",$char(x),""")",!
	;
	do note("Timed READs that run out of time set $TEST to 0.")
	use srv read x:0.1 do heard("server","READ x:0.1, nothing sent",x)
	do raw("part")
	use srv read x:0.1 do heard("server","READ x:0.1, no delimiter yet",x)
	use $principal write "        (the part read is consumed: it is not read again)",!
	do raw("ial"_crlf)
	use srv read x:2 do heard("server","READ x:2, after the rest came",x)
	;
	do note("The client hangs up; the server reads end of file.")
	close cli
	use $principal write "client: CLOSE",!
	use srv read x:2 do heard("server","READ x:2",x)
	use srv read x:2 do heard("server","READ x:2 again (no error with IOERROR=NOTRAP)",x)
	close srv
	use $principal write "server: CLOSE",!,!,"Goodbye.",!
	quit
	;
note(text)	; a line of explanation, after an empty line
	use $principal write !,text,!
	quit
	;
say(dev,msg)	; dev writes one line
	use dev write msg,!
	use $principal write $select(dev=cli:"client",1:"server"),": WRITE ",$zwrite(msg),",!",!
	quit
	;
raw(bytes)	; the client sends bytes as they are (WRITE without !)
	use cli write bytes
	use $principal write "client: WRITE ",$zwrite(bytes),!
	quit
	;
heard(who,how,x)	; show the value read and the intrinsics after a READ
	new t,k,d,zb,zeof,za,io
	set t=$test,k=$key,d=$device,zb=$zb,zeof=$zeof,za=$za,io=$io
	use $principal
	write who,": ",how," -> x=",$zwrite(x),!
	write "        $TEST=",t,"  $KEY=",$$key(k),"  $ZB=",$zwrite(zb),"  $DEVICE=",$zwrite(d)
	if zeof write "  $ZEOF=",zeof,"  $ZA=",za
	write !
	use io
	quit
	;
st(what)	; show $TEST, $KEY and $DEVICE after an OPEN, USE or WRITE /...
	new t,k,d,io
	set t=$test,k=$key,d=$device,io=$io
	use $principal
	write "  ",what,": $TEST=",t,"  $KEY=",$$key(k),"  $DEVICE=",$zwrite(d),!
	use io
	quit
	;
key(k)	; $KEY for display: socket events as event|<handle>|address, the port masked
	new ev
	if k'["|" quit $zwrite(k)
	set ev=$piece(k,"|")
	quit """"_ev_"|<handle>|"_$select(ev="LISTENING":"<port>",1:$piece(k,"|",3))_""""
