patbad4 ; an unclosed alternation is an error
 set s="ab"
 write "s?1(1""a"",1""b"")1""b"": ",s?1(1"a",1"b")1"b",!
 set r=s?1(1"a",1"b"
 write "not reached",!
 quit
