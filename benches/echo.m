echo	; line echo server for the benchmarks: one SOCKET device, many clients, WRITE /WAIT
	;
	; Run:   minim echo.m [PORT]      or   gtm-run echo.m [PORT]     (PORT 0 or none: any free port)
	; Prints "listening on NNNNN", then serves until killed: every line a client sends
	; (ended by LF) comes back unchanged followed by LF. ZNODELAY and NOWRAP, so replies
	; leave at once and long lines are not split. A READ event is answered with one
	; timed READ of a whole line (the load generator sends one request and waits for its
	; reply), so a client that sends half a line keeps the server in that timed READ.
	; GT.M: set gtm_max_sockets above the number of clients (default 64, listener included).
	;
	new dev,port,ev,h,req,buf,ok
	set dev="echo",port=+$zcmdline
	open dev:(LISTEN=port_":TCP":ATTACH="listener":DELIMITER=$char(10):ZNODELAY):2:"SOCKET"
	else  write "cannot listen on port ",port,! zhalt 1
	use dev:(NOWRAP)
	set port=$piece($key,"|",3)
	write /listen(1024)
	use $principal write "listening on ",port,!
	for  do
	. use dev write /wait(60)
	. set ev=$piece($key,"|"),h=$piece($key,"|",2)
	. if ev="CONNECT" set buf(h)="" quit
	. if ev'="READ" quit
	. use dev:(SOCKET=h)
	. read req:30 set ok=$test
	. if $zeof close dev:(SOCKET=h) kill buf(h) quit
	. ; timeout: keep the partial line until the rest comes
	. if 'ok set buf(h)=buf(h)_req quit
	. write buf(h),req,! set buf(h)=""
	quit
