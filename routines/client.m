client	; line client for server.m and mserver.m, on a GT.M SOCKET device
	;
	; Run:   gtm-run client.m HOST PORT [TIMEOUT] <requests.txt
	;
	; Connects to HOST:PORT (TIMEOUT seconds, default 5: GT.M keeps retrying a refused
	; connection for that long, so the client may be started before the server is up).
	; Then it sends each line of standard input as one request, waits up to 10 seconds
	; for the reply line and prints
	;   request -> reply
	; It stops at the end of its input, after sending QUIT, or when the server closes.
	; Other output: "cannot connect" (exit status 1), "request -> (no reply)" (exit
	; status 1), "connection closed by server".
	;
	new host,port,wait,dev,req,rep,t,eof,done
	set host=$piece($zcmdline," "),port=$piece($zcmdline," ",2)
	set wait=$piece($zcmdline," ",3) set:wait="" wait=5
	set dev="client"
	open dev:(CONNECT=host_":"_port_":TCP":DELIMITER=$char(13,10)_":"_$char(10):ZNODELAY):wait:"SOCKET"
	; a refused or timed-out connection is no error in GT.M: only $TEST says so
	else  write "cannot connect",! zhalt 1
	use dev:(NOWRAP)
	set done=0
	for  do  quit:done
	. use $principal read req
	. if $zeof set done=1 quit                    ; end of the input
	. use dev write req,!
	. read rep:10 set t=$test,eof=$zeof
	. use $principal
	. if eof write "connection closed by server",! set done=1 quit
	. if 't write req," -> (no reply)",! close dev zhalt 1
	. write req," -> ",rep,!
	. if $translate(req,"quit","QUIT")="QUIT" set done=1
	close dev
	quit
