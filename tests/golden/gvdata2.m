gvdata2 ; $DATA through indirection and after KILL/ZKILL/MERGE
 set ^D(1,2)="" set x="^D"
 write $data(@x),$data(@x@(1)),$data(@x@(1,2)),$data(@"^D(1,2,3)"),!
 set ^D(1)=1 write $data(@x@(1)),!
 zkill ^D(1) write $data(^D(1)),$data(^D),!
 kill ^D(1,2) write $data(^D(1)),$data(^D),!
 merge ^E(1)=^D write $data(^E),!
 set l(5)="" merge ^E(2)=l write $data(^E(2)),$data(^E),!
 set ^E=0 write $data(^E),!
 write $data(^E(2,5)),$data(^E(2,5,1)),!
 write $reference,!
