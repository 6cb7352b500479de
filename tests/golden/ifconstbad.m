ifconstbad	; IF on a line with a syntax error after it (GT.M 7.0): a constant false argument
	; raises the line's error when the IF is reached, before the other arguments run;
	; a constant true one, or a false variable, skips the rest of the line quietly.
	set $etrap="write ""E:"",$piece($zstatus,"","",2),! set $ecode="""" quit"
	for c=1:1:16 do @("c"_c) write "after c",c,!
	quit
c1	set z=0 if z,1 write "h" set x=
	quit
c2	set z=1 if z,0 write "h" set x=
	quit
c3	if 0 write "a" set x=
	quit
c4	set y=0 if y write "b" set x=
	quit
c5	if 1,0 write "b" set x=
	quit
c6	set z=0 if 1,z write "b" set x=
	quit
c7	set z=0 if z,"" write "b" set x=
	quit
c8	set z=1 if z,0 write "b" set x=
	write "c8 more",!
	quit
c9	set z=0 if z,1,0 write "b" set x=
	quit
c10	set z=1 if z,1,z write "b" set x=
	quit
c11	set z=0 if z,1-1 write "h" set x=
	quit
c12	set z=0 if z,"a" write "h" set x=
	quit
c13	set z=0 if $$f(),0 write "a" set x=
	quit
c14	set z=0 if z,"1a" write "b" set x=
	quit
c15	set z=0 if z,-0 write "b" set x=
	quit
c16	set z=0 if z,'1 write "b" set x=
	quit
f()	write "f ran",! quit 1
