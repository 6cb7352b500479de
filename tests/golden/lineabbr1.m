lineabbr1 ; abbreviated and full command names
 s a=1 w "a=",a,!
 SET b=2 WRITE "b=",b,!
 Set c=3 Write "c=",c,!
 sEt d=4 wRiTe "d=",d,!
 n e s e=5 w "e=",e,!
 NEW f SET f=6 WRITE "f=",f,!
 i a=1 w "i ok",!
 IF a=2 WRITE "no",!
 E  W "E ok",!
 ELSE  WRITE "ELSE ok",!
 f i=1:1:3 w i
 w !
 FOR i=1:1:3 WRITE i
 W !
 d sub D sub DO sub do sub
 k a w $d(a),!
 KILL b WRITE $DATA(b),!
 g g1
 w "skipped",!
g1 GOTO g2
 w "skipped",!
g2 w "after goto",!
 h 0 HANG 0 Hang 0
 w "after hang",!
 Q
sub w "sub",! q
