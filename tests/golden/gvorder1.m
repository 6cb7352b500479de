gvorder1 ; $ORDER forward and backward on first level
 set ^O(1)=1,^O(2)=2,^O(10)=10,^O("a")="a",^O("b")="b",^O(-3)=-3
 set s="" for  set s=$order(^O(s)) quit:s=""  write s," "
 write !
 set s="" for  set s=$order(^O(s),-1) quit:s=""  write s," "
 write !
 write $order(^O(2)),"|",$order(^O(2),-1),"|",$order(^O("b")),"|",$order(^O(-3),-1),!
 write $order(^O(5)),"|",$order(^O(5),-1),"|",$order(^O("aa")),!
 write $order(^O(""),1),"|",$order(^O(""),-1),!
 write "[",$order(^none("")),"]",!
 write "[",$order(^none(""),-1),"]",!
