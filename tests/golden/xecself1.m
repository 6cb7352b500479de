xecself1 ; self-referential XECUTE (directly and through DO) is STACKCRIT, counted in the frame budget
 set $etrap="write $piece($zstatus,"","",3),"" "",$ecode,! set $ecode="""" quit"
 do t1,t2
 write "end",!
 quit
t1 set x="xecute x" xecute x quit
t2 set x="do t3" xecute x quit
t3 xecute "do t3" quit
