extract	; area: $EXTRACT, one character and ranges, and SET $EXTRACT
	new i,j,s,n,c
	set s="The quick brown fox jumps over the lazy dog 0123456789"
	set n=0
	for i=1:1:100000 for j=1:1:20 set c=$extract(s,j),n=n+$ascii(c)+$length($extract(s,j,j+5))
	for i=1:1:100000 set $extract(s,i#50+1)="x"
	write "extract ",n," ",s,!
	quit
