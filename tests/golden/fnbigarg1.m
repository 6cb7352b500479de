fnbigarg1 ; huge position arguments; $JUSTIFY beyond the maximum string length is an error
 write "$e(""abc"",1E20)=[",$extract("abc",1E20),"]",!
 write "$e(""abc"",-1E20,2)=",$extract("abc",-1E20,2),!
 write "$e(""abc"",2,1E20)=",$extract("abc",2,1E20),!
 write "$p(""a,b"","","",1E10)=[",$piece("a,b",",",1E10),"]",!
 write "$a(""abc"",1E30)=",$ascii("abc",1E30),!
 write "$f(""abc"",""c"",1E20)=",$find("abc","c",1E20),!
 write "len $c(1E20)=",$length($char(1E20)),!
 write "len $j(1,1048576)=",$length($justify(1,1048576)),!
 set w=1048577
 write "before",!
 set x=$justify(1,w)
 write "not reached",!
 quit
