strfast1 ; in-place SET n=n+x and the narrow $FIND/$EXTRACT/$LENGTH($PIECE) handlers, at their edges
	new $etrap set $etrap="write ""ERR "",$piece($zstatus,"","",3,4),! set $ecode="""" quit"
	do sums,finds,extracts,pieces
	do undef1,undef2,undef3,undef4,undef5,undef6,undef7,undef8
	quit
sums	; SET n=n+x: x a literal or a local; n or x not small integers
	new n,p,x
	set n=0,p=5 set n=n+p write n,!
	set n=n+3 write n,!
	set n=n+-7 write n,!
	set n=n+n write n,!
	set n="12" set n=n+p write n,!
	set n="abc" set n=n+p write n,!
	set n=1.5 set n=n+p write n,!
	set n=2,p="3abc" set n=n+p write n,!
	set n=2,p=1.25 set n=n+p write n,!
	set n=999999999999999999,p=1 set n=n+p write n,!
	set n=-999999999999999999,p=-1 set n=n+p write n,!
	set n=500000000000000000,p=500000000000000000 set n=n+p write n,!
	set n=7 set n=n+"2" write n,!
	set n=7 set n=n+.5 write n,!
	set n=1E3 set n=n+1 write n,!
	set x="" for  set x=x_"a" quit:$length(x)>20
	set n=x set n=n+1 write n,!
	set n=3 set n=n+1,n=n+n write n,!
	quit
finds	; $FIND(s,"c",p) with s and p locals
	new s,p,n
	set s="a,b,,c,",p=0,n=0 for  set p=$find(s,",",p) quit:'p  set n=n+p write p," "
	write "| ",n,!
	for p=-5,-1,0,1,2,3,7,8,9,100,1E20,-1E20,"3abc","x",2.9 write $find(s,",",p)," "
	write !
	set s=12345,p=1 write $find(s,"3",p)," ",$find(s,"5",p)," ",$find(s,"6",p),!
	set s=-1.50,p=1 write $find(s,".",p)," ",$find(s,"0",p),!
	set s="",p=1 write $find(s,",",p),!
	; sums of $FIND results (one integer sum, no value per call)
	set s="alpha,beta;kappa,mu",n=0
	for p=-3,0,1,5,10,17,18,19,20,1E20,"2x",2.5 set n=n+$find(s,"kappa")+$find(s,"mu",p)+$find(s,"",p) write n," "
	write !
	set s=12345,p=2,n=1 set n=n+$find(s,"34")+$find(s,"34",p+1)+$find(s,"",p*3) write n,!
	set s="abc",p=1,n="2x" set n=n+$find(s,"bc",p)-$find(s,"c") write n,!
	; an empty needle gives the start, taken as a 32-bit integer
	set s="abc" for p=1E20,2147483648,2147483647,100,-1E20 write $find(s,"",p)," ",$find("abc","",p)," "
	write !
	quit
extracts	; $EXTRACT(s,i) with s and i locals
	new s,i,c
	set s="hello"
	for i=-1,0,1,2,5,6,100,1.9,"3x","",-0.5,1E20 set c=$extract(s,i) write "[",c,"]"
	write !
	set s=3.14159,i=2 write $extract(s,i),!
	set s=0.5,i=1 write $extract(s,i),!
	set s="x" for i=1:1:3 set s=s_$extract(s,i)
	write s,!
	quit
pieces	; $LENGTH($PIECE(r,"c",j)) with r and j locals, also added in place
	new r,j,n
	set r="" for j=1:1:30 set r=r_"field"_j_"^"
	set n=0 for j=-1,0,1,2,15,30,31,32,100,2.5,"3x" set n=n+$length($piece(r,"^",j)) write $length($piece(r,"^",j))," "
	write "| ",n,!
	set r=123.456,j=2 write $length($piece(r,".",j)),!
	set r="no delimiter here",j=1 write $length($piece(r,"^",j))," " set j=2 write $length($piece(r,"^",j)),!
	set r="a^^b",n="x" for j=1:1:4 set n=n+$length($piece(r,"^",j))
	write n,!
	set n=1 for j=1:1:3 set $piece(r,"^",j)=j*11,n=n+$length($piece(r,"^",j))
	write r," ",n,!
	quit
undef1	; an undefined x in SET n=n+x, then an undefined n
	new n,p set n=1 set n=n+p write "never",!
	quit
undef2	new n set n=n+1 write "never",!
	quit
undef3	; $FIND with an undefined start, then an undefined string
	new s,p set s="a,b" write $find(s,",",p),!
	quit
undef4	new s,p set p=1 write $find(s,",",p),!
	quit
undef5	; $EXTRACT with an undefined string, then an undefined position
	new s,i set i=2 write $extract(s,i),!
	quit
undef6	new s,i set s="abc" write $extract(s,i),!
	quit
undef7	; $LENGTH($PIECE) with an undefined piece number, then an undefined string
	new r,j,n set r="a^b",n=0 set n=n+$length($piece(r,"^",j)) write "never",!
	quit
undef8	new r,j set j=1 write $length($piece(r,"^",j)),!
	quit
