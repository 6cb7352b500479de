fnlength1 ; $LENGTH with one and two arguments
 write "$l(""abc"")=",$length("abc"),!
 write "$l("""")=",$length(""),!
 write "$l(12345)=",$length(12345),!
 write "$l(1.50)=",$length(1.50),!
 write "$l(""1.50"")=",$length("1.50"),!
 write "$l(-0)=",$length(-0),!
 write "$l(1/3)=",$length(1/3),!
 write "$l(""a,b,c"","","")=",$length("a,b,c",","),!
 write "$l(""abc"","","")=",$length("abc",","),!
 write "$l("""","","")=",$length("",","),!
 write "$l("","","","")=",$length(",",","),!
 write "$l(""a,,b"","","")=",$length("a,,b",","),!
 write "$l(""abc"","""")=",$length("abc",""),!
 write "$l("""","""")=",$length("",""),!
 write "$l(""a::b::c"",""::"")=",$length("a::b::c","::"),!
 write "$l("":::"",""::"")=",$length(":::","::"),!
 write "$l(""aaaa"",""aa"")=",$length("aaaa","aa"),!
 write "$l(""aaa"",""aa"")=",$length("aaa","aa"),!
 write "$l(1E3)=",$length(1E3),!
 write "$l(12321,2)=",$length(12321,2),!
 write "$l($c(0,1,2))=",$l($c(0,1,2)),!
 quit
