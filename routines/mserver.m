mserver	; multi-client line server: one SOCKET device, many connections, WRITE /WAIT
	;
	; Run:   gtm-run mserver.m PORT [MAXCLIENTS]     (PORT 0: the system picks a port)
	;
	; Same protocol as server.m (ECHO, UPPER, ADD, QUIT; one reply line per request
	; line), but any number of clients are served at the same time by one process:
	; WRITE /WAIT reports either a new connection (CONNECT) or a connection with
	; input or end of file waiting (READ) in $KEY, and the server reads from that
	; socket after selecting it with USE dev:(SOCKET=handle).
	;
	; With MAXCLIENTS the server stops once that many clients have connected and
	; left; without it (or 0) it runs until killed.
	; Output: "listening on NNNNN" (the real port, the only varying line), then
	; nothing while it serves (clients run concurrently, so a per-request log would
	; come out in a different order each time), and at the end
	;   served N clients, M requests
	;
	; Note: a device holds at most 64 sockets by default (listener included);
	; set gtm_max_sockets for more.
	;
	new dev,port,max,ev,h,buf,gone,reqs
	set dev="mserver",port=+$zcmdline,max=+$piece($zcmdline," ",2)
	open dev:(LISTEN=port_":TCP":ATTACH="listener":DELIMITER=$char(13,10)_":"_$char(10):ZNODELAY):2:"SOCKET"
	; a port in use is no error: GT.M retries for the whole timeout, then $TEST=0
	else  write "cannot listen on port ",port,! zhalt 1
	use dev:(NOWRAP)                     ; inherited by the accepted sockets
	set port=$piece($key,"|",3)
	write /listen(5)
	use $principal write "listening on ",port,!
	;
	set (gone,reqs)=0
	for  do  quit:max&(gone'<max)
	. use dev
	. write /wait(10)
	. set ev=$piece($key,"|"),h=$piece($key,"|",2)
	. ; "" is a timeout, or the empty event GT.M gives once after a CLOSE: wait again
	. if ev="CONNECT" set buf(h)="" quit
	. if ev="READ" do serve(h)
	close dev
	use $principal write "served ",gone," client",$select(gone=1:"",1:"s"),", ",reqs," request",$select(reqs=1:"",1:"s"),!
	quit
	;
serve(h)	; read every complete line waiting on socket h and answer it
	new req,rep,ok
	use dev:(SOCKET=h)
	for  do  quit:'ok
	. read req:0 set ok=$test
	. if $zeof set ok=0 do drop(h) quit
	. ; a timed READ returns (and consumes) a partial line with $TEST=0: keep it
	. if 'ok set buf(h)=buf(h)_req quit
	. set req=buf(h)_req,buf(h)=""
	. if $extract(req,$length(req))=$char(13) set req=$extract(req,1,$length(req)-1)
	. set rep=$$answer(req),reqs=reqs+1
	. write rep,!
	. if rep="bye" set ok=0 do drop(h)
	quit
	;
drop(h)	; close one client's socket; the device and the other sockets stay open
	close dev:(SOCKET=h)
	kill buf(h)
	set gone=gone+1
	quit
	;
answer(req)	; reply to one request line (as in server.m)
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
