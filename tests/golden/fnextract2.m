fnextract2 ; $EXTRACT with fractional, string and numeric arguments
 set s="abcdef"
 write "$e(s,2.7)=",$extract(s,2.7),!
 write "$e(s,1.5,3.9)=",$extract(s,1.5,3.9),!
 write "$e(s,""3x"")=",$extract(s,"3x"),!
 write "$e(s,""x"")=[",$extract(s,"x"),"]",!
 write "$e(s,"""")=[",$extract(s,""),"]",!
 write "$e(12345,2,3)=",$extract(12345,2,3),!
 write "$e(1.50,1,2)=",$extract(1.50,1,2),!
 write "$e(-12,1)=",$extract(-12,1),!
 write "$e(1/3,1,5)=",$extract(1/3,1,5),!
 write "$e(s,.9)=[",$extract(s,.9),"]",!
 write "$e(s,2,2.9)=",$extract(s,2,2.9),!
 write "$e(s,-.5,1)=",$extract(s,-.5,1),!
 write "$e(s,1E0,2E0)=",$extract(s,1E0,2E0),!
 set r="" for i=$length(s):-1:1 set r=r_$e(s,i)
 write "reversed by loop: ",r,!
 quit
