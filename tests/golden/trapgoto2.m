trapgoto2 ; SET $ECODE="" clears $STACK(n,"ECODE"), so a later error at that level traps again
 do a
 write "end ",$ecode,!
 quit
a set $etrap="goto t",n=0
 write 1/0
 quit
t set n=n+1 write n," [",$stack($stack,"ECODE"),"]" set $ecode="" write "[",$stack($stack,"ECODE"),"]",!
 if n<3 write 1/0
 quit
