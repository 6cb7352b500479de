gvset1 ; SET of globals, multiple targets
 set ^a=1,^a(1)="one",^a(1,2)=12
 write ^a," ",^a(1)," ",^a(1,2),!
 set (^b,^b(1),^c("x"))=7
 write ^b," ",^b(1)," ",^c("x"),!
 set x=5,(^d(x),^d(x+1))=x*2
 zwrite ^d
 set ^a(1)=^a(1)_"!"
 write ^a(1),!
 set ^e(-1)=1,^e(0)=0,^e(1.5)=2,^e("s")=3
 zwrite ^e
 set ^f=""
 write $data(^f),"[",^f,"]",!
