sockusemix	; USE dev:(SOCKET=h:...) accepts only DELIMITER besides SOCKET
	new p,h
	set $etrap="use $principal write ""error: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	do try("SOCKET with DELIMITER") use "srv":(SOCKET=h:DELIMITER=$char(10)) use $principal write "ok",!
	do bad
	use $principal write "after",!
	close "cli","srv"
	quit
bad	do try("SOCKET with IOERROR") use "srv":(SOCKET=h:IOERROR="T") use $principal write "not reached",!
	quit
try(what)	use $principal write what,": "
	quit
