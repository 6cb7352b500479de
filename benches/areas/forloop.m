forloop	; area: the empty FOR loop (the cost of one iteration)
	new i,n
	set n=0
	for i=1:1:10000000
	for i=1:1:2000000 set n=n+1
	write "forloop ",i," ",n,!
	quit
