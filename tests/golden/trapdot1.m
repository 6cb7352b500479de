trapdot1 ; error inside a dot block and inside FOR: the trap quits the dot level
 set $etrap="write ""trap at "",$stack,! set $ecode="""" quit"
 do
 . write "dot start",!
 . set x=1/0
 . write "dot not reached",!
 write "after dot",!
 for i=1:1:3 do
 . write "i=",i," "
 . if i=2 set x=undef
 . write "ok",!
 write !,"after for i=",i,!
 quit
