fnascii1 ; $ASCII with one and two arguments
 write "$a(""A"")=",$ascii("A"),!
 write "$a(""abc"")=",$ascii("abc"),!
 write "$a(""abc"",2)=",$ascii("abc",2),!
 write "$a(""abc"",3)=",$ascii("abc",3),!
 write "$a(""abc"",4)=",$ascii("abc",4),!
 write "$a(""abc"",0)=",$ascii("abc",0),!
 write "$a(""abc"",-1)=",$ascii("abc",-1),!
 write "$a("""")=",$ascii(""),!
 write "$a("""",1)=",$ascii("",1),!
 write "$a(""abc"",1.9)=",$ascii("abc",1.9),!
 write "$a(""abc"",""2x"")=",$ascii("abc","2x"),!
 write "$a(5)=",$ascii(5),!
 write "$a(123,3)=",$ascii(123,3),!
 write "$a(-1)=",$ascii(-1),!
 write "$a("" "")=",$ascii(" "),!
 write "$a($c(0))=",$ascii($char(0)),!
 write "$a($c(255))=",$ascii($char(255)),!
 write "$a(.5)=",$ascii(.5),!
 write "$a(""abc"",$l(""abc""))=",$a("abc",$l("abc")),!
 write "$a(""abc"",1E0)=",$a("abc",1E0),!
 quit
