trapunw4 ; inner trap leaves $ECODE set: the error passes to the outer frame's $ETRAP
 set $etrap="write ""outer trap at "",$stack,"" ecode "",$ecode,! set $ecode="""" quit"
 do a
 write "top after a",!
 quit
a new $etrap set $etrap="write ""inner trap at "",$stack,! quit"
 do b
 write "a not reached",!
 quit
b set x=1/0 quit
