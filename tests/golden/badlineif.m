badlineif	; IF and ELSE before a syntax error: raised only when the line gets to it
	new $etrap set $etrap="write ""err "",$piece($zstatus,"","",3),! set $ecode="""" quit"
	for t=1:1:9 write t," " do @("t"_t)
	write "end",!
	quit
t1	set z=0 if z write "a" set x=
	write "after if 0",!
	quit
t2	if 1 write "b",! set x=
	write "not here",!
	quit
t3	if 1
	else  write "c" set x=
	write "after else",!
	quit
t4	set z=0 if z
	else  write "c2",! set x=
	write "not here",!
	quit
t5	do
	. if 0 write "d" set x=
	. write "in block",!
	. if 1 set y=1 if z set x=
	. write "end block",!
	. if 1 do  set x=
	. . if 0 write "f"
	. . write "inner",!
	write "not here",!
	quit
t6	set z=0 xecute "if z set x="
	write "after xecute",!
	quit
t7	for i=1:1:2 if i=2 write "e",! set x=
	write "not here",!
	quit
t8	set z=0 if z=1 write "g" set x=
	write "not here",!
	quit
t9	for i=1:1:2 if i=3 write "e",! set x=
	write "after for",!
	quit
