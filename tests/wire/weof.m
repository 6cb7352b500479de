weof	; end of file, half-close and writes to a dead peer; the second argument chooses
	new p,c,x
	set p=$piece($zcmdline," "),c=$piece($zcmdline," ",2)
	do connect^wlib(p)
	do:c="eof" eof do:c="half" half do:c="notrap" notrap do:c="trap" trap
	close "s"
	use $principal write "alive",!
	quit
eof	use "s" read x:5 do show^wlib("READ at end of file")
	read x:5 do show^wlib("READ again")
	quit
half	new q
	use "s" read x:5 do show^wlib("request") set q=x
	read x:5 do show^wlib("then")
	write "answer to ",q,! do show^wlib("WRITE after the peer's half-close")
	quit
notrap	use "s" read x:5 do show^wlib("READ at end of file")
	write "reply",! do show^wlib("WRITE to the closed peer")
	write "again",! do show^wlib("WRITE again")
	quit
trap	new $etrap
	set $etrap="use $principal write ""trapped: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "s":(IOERROR="T") read x:5 do show^wlib("READ at end of file")
	write "reply",! do show^wlib("WRITE to the closed peer, not trapped")
	quit
