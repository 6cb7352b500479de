linedot2 ; $TEST is restored after an argumentless DO block
 if 1
 write "T before=",$test,!
 do
 . if 0
 . write "T inside=",$test,!
 write "T after=",$test,!
 if 0
 do
 . if 1
 . write "T inside=",$test,!
 write "T after=",$test,!
 else  write "else after block runs",!
 set x=5
 do:x>3
 . write "postcond block ran",!
 do:x<3
 . write "not run",!
 write "end",!
 quit
