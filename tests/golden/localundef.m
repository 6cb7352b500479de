localundef	; UNDEF names a local with its string subscripts bare, as they are (GT.M)
	new x set $etrap="write $piece($zstatus,"","",3,99),! set $ecode="""" quit"
	do t1,t2,t3,t4
	quit
t1	write x("a b")
	quit
t2	write x("a""b",2)
	quit
t3	write x("x"_$char(1)_"y")
	quit
t4	set x=x(1,"q")
	quit
