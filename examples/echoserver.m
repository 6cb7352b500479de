echoserver ; A TCP echo server on GT.M's SOCKET device: sends every line back to the client.
 ;   minim examples/echoserver.m PORT      (PORT 0: the system picks a free port)
 ; It prints "listening on port N" (the real port), serves ONE client until that client
 ; closes the connection, then ends. Try it with examples/echoclient.m.
 new dev,port,line
 set dev="server",port=+$zcmdline
 ; LISTEN: wait for connections on the port. DELIMITER: READ ends at a newline, and
 ; WRITE ! sends one. The trailing 5 waits up to 5 seconds; $TEST says if OPEN worked.
 open dev:(LISTEN=port_":TCP":ATTACH="listener":DELIMITER=$char(10)):5:"SOCKET"
 else  write "cannot listen on port ",port,! zhalt 1
 use dev
 set port=$piece($key,"|",3)   ; after OPEN, $KEY is LISTENING|listener|port
 write /listen(1)              ; a queue of one waiting client
 use $principal write "listening on port ",port,!
 ; WRITE /WAIT waits for an event; a new client makes $KEY CONNECT|socket|address and its
 ; socket the current one.
 use dev
 for  write /wait(60) quit:$piece($key,"|")="CONNECT"
 use $principal write "client connected",!
 ; READ a line, WRITE it back; at the end of the connection READ sets $ZEOF.
 for  use dev read line quit:$zeof  write line,! use $principal write "echoed: ",line,!
 use $principal write "client closed",!
 close dev
 quit
