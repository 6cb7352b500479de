quitargplace	; QUIT without a value from an extrinsic: the frame is left first, and the error is
	; raised at the caller's line (its $STACK level, its NEWed variables back), so a trap
	; there runs once
	set $etrap="write $piece($zstatus,"","",2,3),"" level "",$stack,"" y="",y,! set $ecode="""" quit"
	set y=1
	do t
	write "after t, y=",y,!
	set z=$$dot()
	write "dot gave ",z,!
	quit
t	set x=$$bad()
	write "not reached",!
	quit
bad()	new y set y=2
	quit
dot()	; a QUIT in a dot block leaves the block only
	if 1 do  quit 5
	. quit
	quit 6
