boolshort1	; & and ! stop at a left operand that decides the result: the right one is not
	; evaluated, so its extrinsics are not called and its errors are not raised
	write 0&$$say(1),!
	write 1&$$say(2),!
	write 1!$$say(3),!
	write 0!$$say(4),!
	write (0&$$say(5))+1,!
	set a=1!$$say(6) write a,!
	if 0&$$say(7) write "yes",!
	write $test,!
	write 0&$$say(8)&$$say(9),"|",0&$$say(10)!$$say(11),"|",1!$$say(12)&$$say(0),!
	write 0'&$$say(13),"|",1'!$$say(14),"|",'0&$$say(15),!
	set n=0 write 0&$increment(n),n,!
	write "abc"&$$say(16),"|","1abc"!$$say(17),!
	write 0&undefined,"|",1!^undefined,"|",0&(1/0),!
	set x=0 for i=1:1:4 write x&$$say(i) set x='x
	write !
	set x=1,y=0 write x&y,y&undefined,x!undefined,!
	write $select(0&$$say(18):"a",1:"b"),!
	quit
say(v)	write "<",v,">"
	quit v
