errcmd1 ; an invalid command name compiles with an error that is raised when the line runs
 write "line 1",!
 set x=1
 write "line 3",!
 foo 1
 write "not reached",!
 quit
