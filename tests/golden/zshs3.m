zshs3 ; ZSHOW "S" from inside an $ETRAP
 set $etrap="zshow ""S"" set $ecode="""" quit"
 do a
 write "done",!
 quit
a set x=1/0 quit
