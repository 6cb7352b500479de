fnpiece1 ; $PIECE with two and three arguments
 set s="a,b,c,d"
 write "$p(s,"","")=",$piece(s,","),!
 write "$p(s,"","",1)=",$piece(s,",",1),!
 write "$p(s,"","",3)=",$piece(s,",",3),!
 write "$p(s,"","",4)=",$piece(s,",",4),!
 write "$p(s,"","",5)=[",$piece(s,",",5),"]",!
 write "$p(s,"","",0)=[",$piece(s,",",0),"]",!
 write "$p(s,"","",-1)=[",$piece(s,",",-1),"]",!
 write "$p(s,"";"")=",$piece(s,";"),!
 write "$p(s,"";"",2)=[",$piece(s,";",2),"]",!
 write "$p(s,"""")=[",$piece(s,""),"]",!
 write "$p(s,"""",1)=[",$piece(s,"",1),"]",!
 write "$p("""","","")=[",$piece("",","),"]",!
 write "$p("",a"","","",1)=[",$piece(",a",",",1),"]",!
 write "$p("",a"","","",2)=",$piece(",a",",",2),!
 write "$p(""a,"","","",2)=[",$piece("a,",",",2),"]",!
 write "$p(s,"","",2.9)=",$piece(s,",",2.9),!
 write "$p(s,"","",""3x"")=",$piece(s,",","3x"),!
 write "$p(12.34,""."",2)=",$piece(12.34,".",2),!
 write "$p(1.50,0,1)=",$piece(1.50,0,1),!
 write "$p(""a b  c"","" "",4)=",$piece("a b  c"," ",4),!
 quit
