arrset	; area: local array SET (numeric and string subscripts, two levels)
	new a,i,n
	for i=1:1:300000 set a(i)=i,a("k"_(i#1000),i)=i
	for i=1:1:300000 set a(i)=a(i)+1
	set n=0 for i=1:1000:300000 set n=n+a(i)+a("k"_(i#1000),i)
	write "arrset ",n,!
	quit
