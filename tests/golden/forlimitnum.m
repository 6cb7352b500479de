forlimitnum	; a FOR that ends at its limit leaves its control variable its number
	new i
	for i=1:1:3 set:i=3 i="3.0"
	write "<",i,">",!
	for i=1:1:3 set:i=3 i="5x"
	write "<",i,">",!
	for i=1:1:3 set i=i_"  "
	write "<",i,">",!
	for i=3:-1:1 set:i=1 i="1y"
	write "<",i,">",!
	for i=1:0.5:2 set:i=2 i="2z"
	write "<",i,">",!
	; ended by QUIT: the value stays as the body left it
	for i=1:1 set:i=2 i="7x" quit:i>5
	write "<",i,">",!
	quit
