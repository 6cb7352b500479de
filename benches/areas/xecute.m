xecute	; area: XECUTE of constant and computed strings
	new i,n,c
	set n=0,c="set n=n+2"
	for i=1:1:300000 xecute "set n=n+1" xecute c xecute "set n=n+"_(i#3)
	write "xecute ",n,!
	quit
