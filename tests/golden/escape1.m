escape1	; the ESCAPE and NOESCAPE deviceparameters: USE takes them, OPEN refuses them
	set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
	set f="escape1.tmp"
	do t1,t2,t3,t4,t5,t6
	open f close f:delete
	quit
t1	use $principal:(escape) write "t1 ok",! quit
t2	use $principal:(noescape) write "t2 ok",! quit
t3	open f:(newversion:escape) write "t3 opened",! close f quit
t4	open f:newversion use f:escape write "x",! use $principal write "t4 ok",! close f quit
t5	open f:newversion use f:(noesc) use $principal write "t5 ok",! close f quit
t6	use $principal:(esc) write "t6 ok",! quit
