dotunwind	; ZGOTO and QUIT out of dot blocks, $TEST and NEW restored, $STACK
	new x,i set x=1
	if 0
	do
	. new x set x=2
	. if 1
	. write "in ",$test," ",x," ",$stack,!
	write "out ",$test," ",x," ",$stack,!
	do sub
	write "back ",$stack,!
	for i=1:1:3 do  quit:i=2
	. write "pass ",i," ",$stack,!
	. for  quit
	. if i=1 quit
	. write "after quit ",i,!
	write "i=",i,!
	do lvl
	write "done",!
	quit
sub	do
	. do
	. . write "deep ",$stack," ",$zlevel,!
	. . zgoto 2:sub2
	. write "not here",!
	write "not here either",!
	quit
sub2	write "sub2 ",$stack," ",$stack(1,"PLACE"),!
	quit
lvl	new $etrap set $etrap="write ""trap "",$stack,"" "",$stack($stack,""PLACE""),! zshow ""S"" set $ecode="""" quit"
	do
	. do
	. . write $$f(1),!
	write "lvl end",!
	quit
f(n)	do
	. set n=n/0
	quit n
