sockempty	; OPEN of a SOCKET device with no socket: READ and WRITE raise NOSOCKETINDEV
	new x
	open "empty":::"SOCKET"
	write "OPEN ""empty"":::""SOCKET"" $TEST=",$test,!
	do rd,rdt,wr
	close "empty"
	write "done",!
	quit
	;
rd	new $etrap set $etrap="use $principal write ""READ x: "",$zstatus,! set $ecode="""" quit"
	use "empty" read x
	use $principal write "READ x: no error",!
	quit
rdt	new $etrap set $etrap="use $principal write ""READ x:1: "",$zstatus,! set $ecode="""" quit"
	use "empty" read x:1
	use $principal write "READ x:1: no error",!
	quit
wr	new $etrap set $etrap="use $principal write ""WRITE: "",$zstatus,! set $ecode="""" quit"
	use "empty" write "hello",!
	use $principal write "WRITE: no error",!
	quit
