skipname1	; a skipped & or ! operand holding $NAME: its subscripts and indirection heads are named
	set ^b="^c(1)",a=0,b="^c"
	set ^q=1,d=a&($name(@^b)=1) write 1," ",$reference,!
	set ^q=1,d=a&($name(@b)=1) write 2," ",$reference,!
	set ^q=1,d=a&($name(^b)=1) write 3," ",$reference,!
	set ^q=1,d=a&($name(@^b@(2))=1) write 4," ",$reference,!
	set ^q=1,d=a&($name(^x(^b))=1) write 5," ",$reference,!
	set ^q=1,d=a&($name(x(^b))=1) write 6," ",$reference,!
	set ^q=1,d=a&($name(@^zz)=1) write 7," ",$reference,!
	set ^q=1,d=a&($name(@b@(^b))=1) write 8," ",$reference,!
	set ^q=1,d=a&($name(^x(1),^b)=1) write 9," ",$reference,!
	set ^q=1,d='a!($name(^(^b,2))=1) write 10," ",$reference,!
	set ^q=1,d='a!($name(x(1,$$f(^b)))=1) write 11," ",$reference,!
	set ^q=1,d='a!($name(@("^x(^b)"))=1) write 12," ",$reference,!
	set ^q=1,d=a&$name(@^b)=0 write 13," ",$reference," ",d,!
	quit
f(x)	write "f called",!
	quit x
