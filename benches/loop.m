loop	; pure-interpreter micro benchmarks (no sockets)
	;
	; Run:   minim loop.m WHAT      or   gtm-run loop.m WHAT
	; WHAT:  arith  3,000,000 passes of  set x=x+i,s=s_"a" set:$length(s)>100 s=""
	;        piece  $PIECE read and SET $PIECE on a 20-field record, 1,000,000 times
	;        order  a local array of 200,000 nodes (numeric and string subscripts),
	;               built once, walked 5 times with $ORDER
	;        call   1,000,000 extrinsic function calls with two arguments
	; Each prints one line of results, the same under minim and GT.M.
	;
	new what
	set what=$zcmdline
	if what="arith" do arith quit
	if what="piece" do piece quit
	if what="order" do order quit
	if what="call" do call quit
	write "usage: loop.m arith|piece|order|call",!
	quit
	;
arith	new i,x,s
	set x=0,s=""
	for i=1:1:3000000 set x=x+i,s=s_"a" set:$length(s)>100 s=""
	write "arith ",x," ",$length(s),!
	quit
	;
piece	new i,j,r,n
	set r="" for j=1:1:20 set r=r_"field"_j_"^"
	set n=0
	for i=1:1:1000000 set $piece(r,"^",i#20+1)=i,n=n+$length($piece(r,"^",i#19+1))
	write "piece ",n," ",r,!
	quit
	;
order	new a,i,j,k,n,sum
	for i=1:1:100000 set a(i)=i,a("k"_i)=i
	set (n,sum)=0
	for j=1:1:5 set k="" for  set k=$order(a(k)) quit:k=""  set n=n+1,sum=sum+a(k)
	write "order ",n," ",sum,!
	quit
	;
call	new i,x
	set x=0
	for i=1:1:1000000 set x=$$add(x,i)
	write "call ",x,!
	quit
add(a,b)	quit a+b
