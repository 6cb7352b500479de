sockrefused	; CONNECT to a closed port with a timeout: $TEST=0, no error, $ZSTATUS untouched
	new p,t,d
	; find a port nobody listens on: listen on port 0, note the port, close it
	open "probe":(LISTEN="0:TCP"):5:"SOCKET" use "probe" set p=$piece($key,"|",3) close "probe"
	use $principal
	set $etrap="use $principal write ""error: "",$piece($zstatus,"","",3,9),! set $ecode="""" halt"
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":IOERROR="T"):0:"SOCKET" set t=$test,d=$device
	write "OPEN CONNECT to a closed port, timeout 0: $TEST=",t," $DEVICE=",$zwrite(d)," $ZSTATUS=",$zwrite($zstatus),!
	open "c2":(CONNECT="127.0.0.1:"_p_":TCP"):0.5:"SOCKET" set t=$test,d=$device
	write "again, timeout 0.5: $TEST=",t," $DEVICE=",$zwrite(d),!
	quit
