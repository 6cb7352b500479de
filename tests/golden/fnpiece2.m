fnpiece2 ; $PIECE with four arguments (ranges) and multi-character delimiters
 set s="a,b,c,d,e"
 write "$p(s,"","",2,4)=",$piece(s,",",2,4),!
 write "$p(s,"","",1,1)=",$piece(s,",",1,1),!
 write "$p(s,"","",4,2)=[",$piece(s,",",4,2),"]",!
 write "$p(s,"","",0,2)=",$piece(s,",",0,2),!
 write "$p(s,"","",-3,2)=",$piece(s,",",-3,2),!
 write "$p(s,"","",4,99)=",$piece(s,",",4,99),!
 write "$p(s,"","",6,9)=[",$piece(s,",",6,9),"]",!
 write "$p(s,"","",0,0)=[",$piece(s,",",0,0),"]",!
 write "$p(s,"","",1,5)=",$piece(s,",",1,5),!
 write "$p(s,"","",1.5,3.5)=",$piece(s,",",1.5,3.5),!
 set t="one::two::three"
 write "$p(t,""::"",2)=",$piece(t,"::",2),!
 write "$p(t,""::"",2,3)=",$piece(t,"::",2,3),!
 write "$p(t,"":"",3)=",$piece(t,":",3),!
 write "$p(t,"":"",2)=[",$piece(t,":",2),"]",!
 write "$p(""aaaaa"",""aa"",2)=[",$piece("aaaaa","aa",2),"]",!
 write "$p(""aaaaa"",""aa"",3)=[",$piece("aaaaa","aa",3),"]",!
 write "$p(""abcabc"",""bc"",2)=",$piece("abcabc","bc",2),!
 write "$p(""x"",""longer"",1)=",$piece("x","longer",1),!
 write "$p(s,"","",2,2)=",$piece(s,",",2,2),!
 quit
