gotoext1 ; GOTO label^routine from inside a DO
 write "start",!
 do sub
 write "back in gotoext1",!
 goto:0 target^gotoother1
 write "postcond false goto skipped",!
 for i=1:1:3 goto:i=2 loopout
 write "not reached",!
loopout write "loopout i=",i,!
 quit
sub write "in sub",!
 goto target^gotoother1
 write "not reached",!
 quit
