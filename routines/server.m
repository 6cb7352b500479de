server	; single-connection line server on a GT.M SOCKET device
	;
	; Run:   gtm-run server.m PORT        (PORT 0 lets the system choose a free port)
	;
	; Listens on PORT (all local addresses), accepts ONE client, answers its
	; request lines until the client closes the connection or sends QUIT, then exits.
	; The first line on standard output is "listening on NNNNN" with the real port;
	; it is the only line that changes from run to run (a test reads the port
	; from it before starting the client).  After it the log is deterministic:
	;   connection accepted
	;   > request          one line per request received
	;   < reply            one line per reply sent
	;   client closed      the client closed the connection (end of file), or
	;   bye                the client sent QUIT (it is answered "bye" first)
	;
	; Protocol: one request per line, one reply line per request.
	;   ECHO text    ->  text
	;   UPPER text   ->  text in upper case
	;   ADD a b      ->  a+b                 (ERR not a number, if a or b is not one)
	;   QUIT         ->  bye, then the server closes the connection
	;   anything else -> ERR unknown command
	; Command words may be in any case.  Lines may end in CR LF or LF; replies end in CR LF.
	;
	; Exit status: 0; 1 if the port cannot be listened on.
	;
	new dev,port,h,req,rep,done
	set dev="server",port=+$zcmdline
	; DELIMITER CR LF:LF reads lines from either kind of client (the longer delimiter
	; is listed first, or "text"_CR would come back from an LF match), and WRITE !
	; sends the first one.  ZNODELAY: replies go out at once (no Nagle delay).
	open dev:(LISTEN=port_":TCP":ATTACH="listener":DELIMITER=$char(13,10)_":"_$char(10):ZNODELAY):2:"SOCKET"
	; a port in use is no error: GT.M retries for the whole timeout, then $TEST=0
	else  write "cannot listen on port ",port,! zhalt 1
	; NOWRAP: READ and WRITE both advance $X, and with WRAP GT.M would insert a
	; delimiter into any reply that takes $X past the width (255).
	use dev:(NOWRAP)
	set port=$piece($key,"|",3)          ; LISTENING|listener|port
	write /listen(1)
	use $principal write "listening on ",port,!
	;
	; wait for a client; the new socket becomes the current one
	use dev
	for  write /wait(10) quit:$piece($key,"|")="CONNECT"
	set h=$piece($key,"|",2)
	close dev:(SOCKET="listener")        ; one client only: stop listening
	use $principal write "connection accepted",!
	;
	; serve it: untimed READ, so a slow client is waited for; EOF ends it
	set done=0
	for  do  quit:done
	. use dev:(SOCKET=h)
	. read req
	. if $zeof set done=1 use $principal write "client closed",! quit
	. set rep=$$answer(req)
	. write rep,!
	. use $principal write "> ",req,!,"< ",rep,!
	. if rep="bye" set done=1 write "bye",!
	close dev
	quit
	;
answer(req)	; reply to one request line
	new cmd,arg,a,b
	set cmd=$$upper($piece(req," ")),arg=$piece(req," ",2,$length(req," "))
	if cmd="ECHO" quit arg
	if cmd="UPPER" quit $$upper(arg)
	if cmd="QUIT" quit "bye"
	if cmd'="ADD" quit "ERR unknown command"
	set a=$piece(arg," "),b=$piece(arg," ",2)
	if '$$isnum(a)!'$$isnum(b) quit "ERR not a number"
	quit a+b
	;
upper(s)	quit $translate(s,"abcdefghijklmnopqrstuvwxyz","ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	;
isnum(x)	; 1 if x is a plain decimal number: [-]digits[.digits] or [-].digits
	quit x?.1"-"1.N.1(1"."1.N)!(x?.1"-"1"."1.N)
