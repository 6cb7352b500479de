gvnaked4 ; naked indicator after KILL, MERGE, $INCREMENT, LOCK, ZWRITE, $NAME
 set ^a(1,2)=12,^a(1,3)=13,^b(5,6)=56,^b(5,7)=57
 kill ^a(1,9) write $reference," ",^(3),!
 merge ^c(1,1)=^b(5) write $reference,!
 set x=$increment(^b(5,8)) write $reference," ",^(6),!
 lock +^a(1,2) write $reference,! lock
 zwrite ^a(1,2) write $reference,!
 set y=$name(^zz(1)) write $reference,!
 set x=^a(1,2) lock ^q(3,4) write $reference," ",^(3),! lock
 set x=^a(1,2),y=$data(^b(5,6,7)) write $reference," ",$data(^(1)),!
 set x=^a(1,2),^b(5,9)=^(3) write ^b(5,9),"|",$reference,!
 set ^(10)=^b(5,6)+1 write ^b(5,10),!
 quit
