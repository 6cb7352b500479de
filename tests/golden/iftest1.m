iftest1 ; $TEST initial value, after FOR, after timed READ-free commands
 write "initial T=",$test,!
 if 0
 for i=1:1:2 if 1
 write "after FOR containing IF 1: T=",$test,!
 if 0
 set a=1,b=2
 write "SET leaves T: T=",$test,!
 if 1
 kill a
 write "KILL leaves T: T=",$test,!
 if 0
 new c
 write "NEW leaves T: T=",$test,!
 if 1 if 0
 write "nested IF: T=",$test,!
 if 1 if 1 write "if if: ok",!
 if 0 if 1 write "not printed",!
 write "T=",$test,!
 hang 0
 write "HANG 0 leaves T: T=",$test,!
 quit
