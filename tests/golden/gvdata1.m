gvdata1 ; $DATA on globals: 0 1 10 11
 set ^D(1)=1,^D(2,1)=21,^D(3)=3,^D(3,1)=31
 write $data(^D),$data(^D(1)),$data(^D(2)),$data(^D(3)),$data(^D(4)),!
 write $data(^D(2,1)),$data(^D(2,1,1)),!
 write $data(^E),!
 set ^E=""
 write $data(^E),!
 set ^E(1)=""
 write $data(^E),!
 kill ^E
 write $data(^E),!
 write $data(^D(1))#10,$data(^D(2))\10,!
