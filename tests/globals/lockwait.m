lockwait ; ^L (an ancestor of a held ^L(1)): refused at once, then taken once its holder dies
 lock +^L:0 write $test,!
 write "go",!
 read x
 lock +^L:20 write $test,!
 quit
