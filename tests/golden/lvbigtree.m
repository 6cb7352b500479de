lvbigtree	; local arrays of thousands of nodes: collation, $ORDER both ways, $QUERY, KILL, MERGE
	new a,b,i,k,n,s,seed,x,q
	set seed=7
	for i=1:1:6000 do
	. set seed=seed*69069+1#4294967296
	. set x=seed#5000
	. set a(x)=i,a(-x/8)=i,a("s"_x)=i,a("a long subscript beyond fourteen bytes "_x)=i
	. if x#7=0 set a(x,"sub",i#3)=i
	set n=0,s=0,k="" for  set k=$order(a(k)) quit:k=""  set n=n+1,s=s+$get(a(k))
	write "forward ",n," ",s,!
	set n=0,k="" for  set k=$order(a(k),-1) quit:k=""  set n=n+1
	write "backward ",n,!
	write "first ",$order(a("")),", last ",$order(a(""),-1),", before s1 ",$zprevious(a("s1")),!
	write "after 0 ",$order(a(0)),", after -1 ",$order(a(-1)),", after 4999.5 ",$order(a(4999.5)),!
	; kill every third key during a walk, then walk again
	set n=0,k="" for  set k=$order(a(k)) quit:k=""  set n=n+1 kill:n#3=0 a(k)
	set n=0,k="" for  set k=$order(a(k)) quit:k=""  set n=n+1
	write "after kills ",n,!
	set n=0,q="a" for  set q=$query(@q) quit:q=""  set n=n+1 set:n<4 x(n)=q
	write "query ",n," ",x(1)," ",x(2)," ",x(3),!
	merge b=a
	set n=0,k="" for  set k=$order(b(k),-1) quit:k=""  set n=n+1
	write "merged ",n," ",$data(b),!
	; kill all but a few: pruning down to a small array
	set k="" for  set k=$order(a(k)) quit:k=""  kill:k'["9" a(k)
	set n=0,k="" for  set k=$order(a(k)) quit:k=""  set n=n+1
	write "kept ",n," ",$data(a(1)),$data(a(9)),!
	for i=1:1:5000 kill a(i),a(-i/8),a("s"_i),a("a long subscript beyond fourteen bytes "_i)
	set a(0,"left")=1 zwrite a
	write "empty ",$data(a),!
	quit
