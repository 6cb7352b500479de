trapplace1	; $STACK(level,"PLACE") and "MCODE" of a level where an error was trapped show the
	; failing line while the trap runs there, until $ECODE is cleared; a trap that uses them
	; to go on at the next line
	new $etrap,$estack
	set $ecode="",$etrap="goto err",n=0
	write "one",!
	set x=1/0
	write "two",!
	do sub
	write "three",!
	quit
sub	write "in sub",!
	set y=undefined
	write "sub goes on",!
	quit
err	set n=n+1 if n>5 write "too many",! halt
	write "error at level ",$stack,": ",$piece($zstatus,",",2,3),!
	for lev=$stack:-1:0 write lev,": ",$stack(lev,"PLACE"),"|",$stack(lev,"MCODE"),"|",$stack(lev,"ECODE"),!
	set loc=$stack($stack,"PLACE")
	set next=$zlevel_":"_$piece(loc,"+")_"+"_($piece(loc,"+",2)+1)_"^"_$piece(loc,"^",2)
	set $ecode=""
	write "cleared: ",$stack($stack,"PLACE"),!
	zgoto @next
