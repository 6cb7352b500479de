solver	; program: a recursive solver (N queens by backtracking, and a recursive Fibonacci)
	new n,cnt,col,d1,d2
	set cnt=0
	do place(1,10)
	write "solver ",cnt," ",$$fib(23),!
	quit
place(r,n)	new c
	if r>n set cnt=cnt+1 quit
	for c=1:1:n if '$data(col(c)),'$data(d1(r+c)),'$data(d2(r-c+n)) do
	. set col(c)=1,d1(r+c)=1,d2(r-c+n)=1
	. do place(r+1,n)
	. kill col(c),d1(r+c),d2(r-c+n)
	quit
fib(n)	quit:n<2 n
	quit $$fib(n-1)+$$fib(n-2)
