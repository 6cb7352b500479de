after ; what a killed transaction left behind, then a write of our own
 write $data(^K(1)),$data(^K(2)),!
 set ^K(3)="mine" write ^K(3),!
 quit
