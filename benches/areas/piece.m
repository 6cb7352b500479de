piece	; area: $PIECE, read in a loop over the fields of a record, and SET $PIECE
	new i,j,r,n
	set r="" for j=1:1:20 set r=r_"field"_j_"^"
	set n=0
	for i=1:1:100000 for j=1:1:20 set n=n+$length($piece(r,"^",j))
	for i=1:1:400000 set $piece(r,"^",i#20+1)=i
	write "piece ",n," ",r,!
	quit
