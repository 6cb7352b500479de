socknotfnd	; USE with an unknown SOCKET handle: SOCKNOTFND; USE of a closed device: IONOTOPEN
	new p
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	do nosock,closed
	use $principal write "done",!
	quit
nosock	new $etrap
	set $etrap="use $principal write ""USE srv:(SOCKET=nosuch): "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "srv":(SOCKET="nosuch")
	use $principal write "no error",!
	quit
closed	new $etrap
	close "srv"
	set $etrap="use $principal write ""USE of the closed device: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "srv"
	use $principal write "no error",!
	quit
