ywrap ; $Y counts lines modulo the device's page length (USE LENGTH=n, default 66; 0: no pages)
 set $etrap="use $principal write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
 for i=1:1:70 write !
 write $y,!
 set $y=65 write "a",! write $y,!
 set $y=200 write $y,! write $y,!
 set $y=64 write "b",# write $y,!
 use $principal:length=10 for i=1:1:12 write !
 write $y,!
 use $principal:le=3 for i=1:1:4 write !
 write $y,!
 use $principal:length=1 write "c",!,$y,!
 use $principal:length=0 set $y=1000 write "d",!,$y,!
 set f="ywrap.tmp" open f:newversion use f for i=1:1:70 write !
 set y=$y use f:length=10 for i=1:1:12 write !
 set y2=$y close f:delete write "file ",y," ",y2,!
 set p="p" open p:(command="cat >/dev/null")::"PIPE" use p for i=1:1:70 write !
 set y=$y close p write "pipe ",y,!
 do neg,open
 quit
neg use $principal:length=-1 write "not reached",! quit
open open "ywrap2.tmp":(newversion:length=5) write "not reached",! quit
