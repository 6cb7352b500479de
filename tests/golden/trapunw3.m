trapunw3 ; NEW $ETRAP in an inner frame: the inner trap handles errors in its frame and below
 set $etrap="write ""outer trap at "",$stack,! set $ecode="""" quit"
 do a
 write "top after a",!
 do c
 write "top after c",!
 quit
a new $etrap set $etrap="write ""inner trap at "",$stack,! set $ecode="""" quit"
 do b
 write "a after b",!
 quit
b write "b error",! set x=undefb quit
c write "c error, $etrap is outer again: ",$etrap["outer",! set x=undefc
 write "c not reached",!
 quit
