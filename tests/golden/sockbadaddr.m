sockbadaddr	; malformed CONNECT/LISTEN values and deviceparameters raise errors at OPEN
	new p
	open "lis":(LISTEN="0:TCP"):5:"SOCKET" use "lis" set p=$piece($key,"|",3) use $principal
	do try("c1","127.0.0.1:port:TCP","non-numeric port")
	do try("c2","127.0.0.1:7","no protocol")
	do try("c3","127.0.0.1:7:UDP","UDP")
	do both
	do bufsize
	do try("c6","127.0.0.1:"_p_":tcp","lower-case tcp")
	close "lis"
	quit
try(dev,addr,what)	new $etrap,t
	set $etrap="use $principal write what,"": "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	open dev:(CONNECT=addr):1:"SOCKET" set t=$test
	write what,": no error, $TEST=",t,!
	close dev
	quit
both	new $etrap
	set $etrap="use $principal write ""CONNECT and LISTEN: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	open "c4":(CONNECT="127.0.0.1:"_p_":TCP":LISTEN="0:TCP"):1:"SOCKET"
	write "CONNECT and LISTEN: no error",!
	quit
bufsize	new $etrap
	set $etrap="use $principal write ""ZBFSIZE=0: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	open "c5":(CONNECT="127.0.0.1:"_p_":TCP":ZBFSIZE=0):1:"SOCKET"
	write "ZBFSIZE=0: no error",!
	quit
