midtp ; updates inside a transaction, then waits to be killed
 tstart ()
 set ^K(1)="uncommitted",^K(2)="uncommitted"
 write "ready",!
 hang 60
 tcommit
 quit
