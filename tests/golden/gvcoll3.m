gvcoll3 ; collation of strings with control characters and bytes above 127
 set ^b($char(0))="nul",^b($char(1,2))="ctl",^b($char(31))="us",^b(" ")="sp"
 set ^b("a")="a",^b("a"_$char(0))="a0",^b("ab")="ab",^b($char(127))="del"
 set ^b($char(128))="128",^b($char(255))="255",^b($char(200,1))="200"
 set ^b("Z")="Z",^b("~")="tilde",^b("z")="z"
 set s="" for  set s=$order(^b(s)) quit:s=""  do
 . write ^b(s)," "
 . for i=1:1:$length(s) write $ascii(s,i)_$select(i<$length(s):",",1:"")
 . write !
 write "--",!
 set s="" for  set s=$order(^b(s),-1) quit:s=""  write ^b(s)," "
 write !
 write $length($order(^b(""))),"|",$ascii($order(^b(""),-1)),!
 quit
