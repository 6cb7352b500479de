gotobasic1 ; GOTO label, label+n, postconditional argument
 set n=0
 goto a
 write "skipped",!
a write "at a",!
 goto b+2
b write "b+0 skipped",!
 write "b+1 skipped",!
 write "at b+2",!
 set n=n+1
 goto c:n=1,d
c write "at c n=",n,!
 goto b+2
d write "at d n=",n,!
 GOTO e
e G f
f write "at f",!
 do sub
 write "back from sub",!
 goto ^gotoother1
 write "not reached",!
sub write "sub",!
 goto s2
 write "skipped",!
s2 write "s2 then quit returns to caller",!
 quit
