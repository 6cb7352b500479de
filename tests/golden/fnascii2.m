fnascii2 ; $ASCII over every character of a string, and as a loop test
 set s="Hello, World!"
 for i=1:1:$length(s) write $ascii(s,i)," "
 write !
 set sum=0 for i=1:1:$length(s) set sum=sum+$ascii(s,i)
 write "sum=",sum,!
 set i=0 for  set i=i+1,c=$ascii(s,i) quit:c<0  write:c=111 "o at ",i,!
 write "stopped at ",i,!
 write "$a(""z"")-$a(""a"")=",$ascii("z")-$ascii("a"),!
 write "upper: " for i=1:1:5 write $char($ascii("hello",i)-32)
 write !
 quit
