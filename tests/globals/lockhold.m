lockhold ; takes ^L(1), says so, then waits to be killed
 lock ^L(1)
 write "ready",!
 hang 60
 quit
