lockfree ; takes ^L(1) at once if nobody holds it
 lock +^L(1):0 write $test,!
 quit
