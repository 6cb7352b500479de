trapunw5 ; error inside the trap code itself
 set $etrap="write ""outer trap at "",$stack,"" ecode "",$ecode,! set $ecode="""" quit"
 do a
 write "top after a",!
 quit
a new $etrap set $etrap="write ""inner trap at "",$stack,! set y=1/0 write ""not here"",!"
 do b
 write "a not reached",!
 quit
b set x=undef quit
