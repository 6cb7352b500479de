gvorder4 ; $ORDER with $DATA, killing while iterating, numeric strings
 for i=1:1:6 set ^O(i)=i,^O(i,"x")=""
 set s="" for  set s=$order(^O(s)) quit:s=""  kill:s#2 ^O(s) write s," "
 write !
 zwrite ^O
 set ^P("1")=1,^P(" 1")=2,^P("1 ")=3,^P(1.0)=4
 set s="" for  set s=$order(^P(s)) quit:s=""  write "[",s,"]",$data(^P(s)),^P(s)," "
 write !
 set ^P(2)="" write $order(^P(1.5)),"|",$order(^P("1")),"|",$order(^P(1),-1),!
 set x="^P" write $order(@x@(" 1")),"|",$order(@x@(""),-1),!
