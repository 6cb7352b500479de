gvcoll2 ; collation of control characters and bytes above 127
 for i=0,1,9,31,32,48,65,97,126,127,128,200,255 set ^B($char(i))=i
 set ^B($char(65,0))="A0",^B($char(65,255))="A255",^B("AA")="AA",^B($char(0,0))="00"
 set s="" for  set s=$order(^B(s)) quit:s=""  write $ascii(s),"/",$length(s)," "
 write !
 set s="" for  set s=$order(^B(s),-1) quit:s=""  write ^B(s)," "
 write !
 set s=$order(^B("")) write $length(s),":",$ascii(s),!
 set ^N(1)="",^N($char(0))="",^N(999999)=""
 set s="" for  set s=$order(^N(s)) quit:s=""  write $select(s=$char(0):"C0",1:s)," "
 write !
