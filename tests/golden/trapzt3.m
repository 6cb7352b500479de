trapzt3 ; NEW $ZTRAP in an inner frame
 set $ztrap="write ""outer ztrap at "",$stack,! set $ecode="""" quit"
 do a
 write "top after a",!
 do c
 write "top after c",!
 quit
a new $ztrap set $ztrap="write ""inner ztrap at "",$stack,! set $ecode="""" quit"
 do b
 write "a after b",!
 quit
b set x=undefb quit
c set x=undefc quit
