indir	; area: name indirection @x (reads and SETs), subscript indirection @x@(i)
	new i,n,v,w,r,a,t
	set n=0,v="t",w="a",r="a(3)",a(3)=7
	for i=1:1:300000 set @v=i,n=n+@v+@r,@w@(i#10)=i
	write "indir ",n," ",a(5),!
	quit
