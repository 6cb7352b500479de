fnpiece5	; $PIECE of long strings read again and again, between SET $PIECE and appends
	new r,j,out,s,t,u,x
	set r="" for j=1:1:30 set r=r_"f"_j_"^"
	; a loop over the pieces, forwards, backwards and in ranges
	set out="" for j=0:1:32 set out=out_$piece(r,"^",j)_","
	write out,!
	set out="" for j=32:-1:0 set out=out_$length($piece(r,"^",j))_","
	write out,!
	set out="" for j=1:3:31 set out=out_$piece(r,"^",j,j+2)_"|"
	write out,!
	write $piece(r,"^",5,3),"|",$piece(r,"^",-1,2),"|",$piece(r,"^",29,99),!
	; SET $PIECE on the string just read: the next read sees the new text
	for j=1:1:30 set x=$piece(r,"^",j),$piece(r,"^",j)=x_"x"_j write:j#10=0 $piece(r,"^",j),","
	write !,r,!
	set $piece(r,"^",40)="far" write $piece(r,"^",31,40),!,$length(r,"^"),!
	; appends to the string between reads
	set s="" for j=1:1:40 set s=s_j_";" write:j#8=0 $piece(s,";",j-3),$piece(s,";",j),$piece(s,";",j+1),","
	write !
	; several delimiters and strings in turn
	set t="one two three four five six seven eight nine ten eleven"
	set u="a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z"
	for j=1:1:12 write $piece(t," ",j),$piece(u,",",j),$piece(t,"e",j),$piece(u,",c,",2),"."
	write !
	write $length($piece(t," ",3)),$length($piece(t,"",3)),$length($piece(t," ",0)),!
	; undefined: UNDEF for the string, as GT.M reports it
	new z set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
	do  write "after",!
	. write $length($piece(z,"^",2))
	do  write "after",!
	. write $piece(z,"^",2)
	quit
