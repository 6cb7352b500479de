fnfind1 ; $FIND returns the position after the match
 set s="abcabc"
 write "$f(s,""b"")=",$find(s,"b"),!
 write "$f(s,""c"")=",$find(s,"c"),!
 write "$f(s,""abc"")=",$find(s,"abc"),!
 write "$f(s,""z"")=",$find(s,"z"),!
 write "$f(s,""b"",3)=",$find(s,"b",3),!
 write "$f(s,""b"",6)=",$find(s,"b",6),!
 write "$f(s,""b"",0)=",$find(s,"b",0),!
 write "$f(s,""b"",-5)=",$find(s,"b",-5),!
 write "$f(s,""b"",100)=",$find(s,"b",100),!
 write "$f(s,"""")=",$find(s,""),!
 write "$f(s,"""",3)=",$find(s,"",3),!
 write "$f(s,"""",10)=",$find(s,"",10),!
 write "$f(s,"""",0)=",$find(s,"",0),!
 write "$f("""","""")=",$find("",""),!
 write "$f("""",""a"")=",$find("","a"),!
 write "$f(s,""abcabcd"")=",$find(s,"abcabcd"),!
 write "$f(s,s)=",$find(s,s),!
 write "$f(12321,2)=",$find(12321,2),!
 write "$f(s,""b"",2.9)=",$find(s,"b",2.9),!
 write "$f(s,""c"",4)=",$find(s,"c",4),!
 quit
