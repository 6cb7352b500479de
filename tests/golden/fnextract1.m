fnextract1 ; $EXTRACT with one, two and three arguments
 set s="abcdef"
 write "$e(s)=",$extract(s),!
 write "$e(s,1)=",$extract(s,1),!
 write "$e(s,3)=",$extract(s,3),!
 write "$e(s,6)=",$extract(s,6),!
 write "$e(s,7)=[",$extract(s,7),"]",!
 write "$e(s,0)=[",$extract(s,0),"]",!
 write "$e(s,-1)=[",$extract(s,-1),"]",!
 write "$e(s,2,4)=",$extract(s,2,4),!
 write "$e(s,4,2)=[",$extract(s,4,2),"]",!
 write "$e(s,3,3)=",$extract(s,3,3),!
 write "$e(s,0,2)=",$extract(s,0,2),!
 write "$e(s,-5,2)=",$extract(s,-5,2),!
 write "$e(s,4,100)=",$extract(s,4,100),!
 write "$e(s,7,9)=[",$extract(s,7,9),"]",!
 write "$e(s,1,$l(s))=",$extract(s,1,$length(s)),!
 write "$e(s,$l(s))=",$e(s,$l(s)),!
 write "$e(s,0,0)=[",$e(s,0,0),"]",!
 write "$e(s,-3,-1)=[",$e(s,-3,-1),"]",!
 write "$e("""")=[",$e(""),"]",!
 write "$e("""",1,5)=[",$e("",1,5),"]",!
 quit
