order	; area: local array $ORDER walk (forwards, backwards, two levels)
	new a,i,j,k,l,n,sum
	for i=1:1:50000 set a(i)=i,a("k"_i)=i
	for i=1:1:100 for j=1:1:100 set a("z",i,j)=j
	set (n,sum)=0
	for j=1:1:5 set k="" for  set k=$order(a(k)) quit:k=""  set n=n+1 set:k'="z" sum=sum+a(k)
	for j=1:1:2 set k="" for  set k=$order(a(k),-1) quit:k=""  set n=n+1
	for j=1:1:10 set k="" for  set k=$order(a("z",k)) quit:k=""  set l="" for  set l=$order(a("z",k,l)) quit:l=""  set sum=sum+l
	write "order ",n," ",sum,!
	quit
