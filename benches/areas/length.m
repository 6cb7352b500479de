length	; area: $LENGTH, of strings and counted pieces
	new i,s,n
	set s="one two three four five six seven eight nine ten"
	set n=0
	for i=1:1:1000000 set n=n+$length(s)+$length(s," ")+$length(i)
	write "length ",n,!
	quit
