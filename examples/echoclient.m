echoclient ; A TCP client: sends each line of standard input to an echo server, prints replies.
 ;   minim examples/echoclient.m PORT [HOST] < examples/echoclient.in
 ; HOST is 127.0.0.1 unless given. Start examples/echoserver.m first; it prints its PORT.
 new dev,host,port,line,reply
 set port=$piece($zcmdline," "),host=$piece($zcmdline," ",2)
 if host="" set host="127.0.0.1"
 set dev="client"
 ; CONNECT: open a connection to host:port, trying for up to 5 seconds.
 open dev:(CONNECT=host_":"_port_":TCP":DELIMITER=$char(10)):5:"SOCKET"
 else  write "cannot connect to ",host," port ",port,! zhalt 1
 ; The principal device ($PRINCIPAL: standard input and output) and the socket take turns
 ; as the current device: USE picks the one READ and WRITE work on.
 for  use $principal read line quit:$zeof  do
 . use dev write line,!          ; send the line and a newline
 . read reply:5                  ; wait up to 5 seconds for the echo
 . if '$test set reply="(no reply)"
 . use $principal write "sent ",line,", got back ",reply,!
 close dev                       ; the server sees the end of the connection
 use $principal write "done",!
 quit
