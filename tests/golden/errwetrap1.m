errwetrap1 ; an error in $ETRAP code reaches the caller's trap as ERRWETRAP
 do r
 write "end",!
 do z
 write "end z",!
 quit
r new $etrap set $etrap="write ""outer ZS="",$zstatus,"" EC="",$ecode,! set $ecode="""" quit"
 do r2
 write "back in r",!
 quit
r2 new $etrap set $etrap="write ""inner ZS="",$zstatus,! write zz"
 write y
 quit
z new $etrap set $etrap="write ""z ZS="",$zstatus,"" EC="",$ecode,! set $ecode="""" quit"
 do z2
 quit
z2 new $etrap set $etrap="write ""inner2 "",$stack,! set x=1/0"
 do z3 write 1
 quit
z3 write $$bad
 quit
bad() quit 1+nope
