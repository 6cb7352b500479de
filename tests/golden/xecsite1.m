xecsite1	; XECUTE of a variable and of computed text: the same argument with text that changes
	new i,n,c,t,r
	set n=0
	; more texts in turn than an argument keeps
	for i=1:1:12 set c="set n=n+"_(i#6) xecute c
	write "n=",n,!
	; the same variable, text changed in place
	set c="set n=1" xecute c write n," " set c="set n=2" xecute c write n," "
	set c=c_" set n=n*10" xecute c write n,!
	; texts of the same length that differ in one byte
	for i=1:1:9 set t="write "_i xecute t
	write !
	for i="set r=""a""","set r=""b""","set r=""c""","set r=""a""" xecute i write r
	write !
	; a long text (not kept inside the value) changed after it ran
	set c="set n=0 for i=1:1:5 set n=n+i" xecute c write n," "
	set c="set n=0 for i=1:1:5 set n=n+i*2" xecute c write n,!
	; after good runs, text with a syntax error and one with an error when run
	for i=1:1:4 do
	. set t=$select(i=3:"set n=)",i=4:"set n=1/0",1:"set n="_i)
	. new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
	. xecute t write "ran ",n,!
	; XECUTE inside XECUTE text, its inner text changing
	for i=1:1:3 set t="set n=n_"_i xecute "set n="""" xecute t" write n,","
	write !
	; $STACK and QUIT in computed text
	for i=1:1:2 set t=$select(i=1:"write $stack,"" """,1:"quit:$stack=1  write ""two""") xecute t
	write !
	; a postconditional on the argument, and several arguments
	for i=1:1:3 set t="write "_i xecute t:i'=2,"write ""-"""
	write !
	quit
