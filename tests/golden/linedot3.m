linedot3 ; dot block with several commands per line, dots with spaces, quit:cond
 set s=0
 for i=1:1:10 do  quit:s>20
 . set s=s+i
 . quit:i#2
 . write "even i=",i," s=",s,!
 write "s=",s," i=",i,!
 do
 .set a=1 write "no space after dot a=",a,!
 . . write "not reached (deeper than current)",!
 . write "dot space",!
 do
 . do
 . . quit
 . write "inner quit only leaves level 2",!
 write "end",!
 quit
