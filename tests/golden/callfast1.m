callfast1	; DO and $$ with actuals: the staged binding (up to four actuals) and the general one
	new a,b,x,y,z,i,r
	set a=1,b=2
	; actuals read before any formal is bound: f(a,b) called with (b,a+10)
	write $$swap(b,a+10),!
	write "a=",a," b=",b,!
	; fewer actuals than formals: the rest undefined
	do three(1)
	do three(1,,3)
	do three(,2)
	; by reference, and by reference to an undefined name
	set x=5 do incr(.x) write "x=",x,!
	kill y do incr(.y) write "y=",$get(y,"undef")," ",$data(y),!
	; a nested extrinsic in an actual, a formal name used by the caller
	write $$swap($$swap(1,2),a),!
	; five actuals (more than are staged)
	write $$five(1,2,3,4,5),!
	write $$five(1,2,,4),!
	; an actual that changes a local another actual reads
	set i=1 write $$swap(i,$$bump(.i)),!
	; the formal's old value comes back, also after an error in an actual
	set a="outer" set $etrap="write ""trapped: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
	do tryundef
	write "a=",a,!
	; recursion with NEW
	write $$fact(10),!
	set r=0 do deep(1,.r) write "r=",r,!
	; $TEST comes back after $$, not after DO lab(args)
	if 1 write $$settest(0),! write $test,!
	if 1 do settest2(0) write $test,!
	; NEW then SET, then the old value back
	set z="z0" do newz write "z=",z,!
	; the same label many times with and without actuals
	for i=1:1:3 do three(i)
	do three
	; $DATA of one subscript in IF, negated, computed subscript
	kill col set col(2)=1,col(3,1)=1
	for i=1:1:4 if '$data(col(i)) write "free ",i,!
	for i=1:1:4 if $data(col(i+0)) write "used ",i," ",$data(col(i+0)),!
	if $data(col(2)),'$data(col(9)) write "both",!
	quit
swap(a,b)	quit b_":"_a
three(p,q,r)	write "p=",$get(p,"u")," q=",$get(q,"u")," r=",$get(r,"u")," ",$data(p),$data(q),$data(r),!
	quit
incr(v)	set v=$get(v)+1 quit
five(a,b,c,d,e)	quit $get(a)_$get(b)_$get(c)_$get(d)_$get(e)
bump(n)	set n=n+1 quit n
tryundef	write $$swap(1,nosuch),!
	quit
fact(n)	new m set m=n
	quit:n<2 1
	quit m*$$fact(n-1)
deep(n,acc)	new t set t=n,acc=acc+t
	if n<5 do deep(n+1,.acc)
	quit
settest(v)	if v
	quit $test
settest2(v)	if v
	quit
newz	new z write "in newz: ",$data(z),! set z="inner" write z,!
	quit
