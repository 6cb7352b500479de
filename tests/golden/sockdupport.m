sockdupport	; LISTEN on a port this process already listens on: timed OPEN gives $TEST=0, no error
	new p,t
	set $etrap="use $principal write ""error: "",$piece($zstatus,"","",3,9),! set $ecode="""" halt"
	open "a":(LISTEN="0:TCP":ATTACH="first"):5:"SOCKET"
	use "a" set p=$piece($key,"|",3) use $principal
	write "first OPEN $TEST=",$test,!
	open "b":(LISTEN=p_":TCP":ATTACH="second"):1:"SOCKET" set t=$test
	write "second OPEN of the same port (timeout 1): $TEST=",t,!
	open "c":(LISTEN=p_":TCP":ATTACH="third":IOERROR="T"):0:"SOCKET" set t=$test
	write "with IOERROR=""T"" (timeout 0): $TEST=",t,!
	close "a"
	open "d":(LISTEN=p_":TCP":ATTACH="fourth"):1:"SOCKET" set t=$test
	write "after CLOSE of the first: $TEST=",t,!
	close "d"
	quit
