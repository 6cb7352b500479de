dotplaces	; dot blocks and the places of frames: $STACK, ZSHOW "S", $ZPOSITION, errors
	new i,x,y
	set x=1
	do
	. set y=2
	. do
	. . set i=$stack
	. . write "stack ",i," ",$stack(i-1,"PLACE")," ",$stack(i-2,"PLACE"),!
	. . xecute "write $zposition,!"
	. . xecute "write $stack($stack-1,""PLACE""),!"
	. . set x="write $zposition,"" "",$stack($stack,""PLACE""),!" xecute x
	. . do show
	. . write $$ext(3),!
	. . if 1 do
	. . . set z="zshow ""S"""
	. . . xecute z
	. set y=3
	. do @"show"
	do trap
	do
	. new $etrap set $etrap="write ""trapped at "",$stack($stack,""PLACE""),"" "",$stack($stack-1,""PLACE""),! set $ecode="""" quit"
	. set y=4
	. do
	. . set y=5
	. . set y=1/0
	. . write "not here",!
	. write "after inner block ",$stack,!
	for i=1:1:2 do
	. write "for ",i," ",$stack(1,"PLACE")," ",$stack(0,"PLACE"),!
	quit
show	write "show: " zshow "S"
	quit
ext(n)	quit $stack($stack-1,"PLACE")_" "_$stack($stack-2,"PLACE")_" "_n
trap	new $etrap
	set $etrap="write ""in trap: "",$stack($stack,""PLACE""),"" "",$zposition,! set $ecode="""" quit"
	do
	. set x=1
	. do
	. . set x=2
	. . set x=$piece(x,",",1)_undefinedvar
	quit
