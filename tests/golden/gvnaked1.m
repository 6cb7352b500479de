gvnaked1 ; naked references
 set ^A(1,2)=12
 set ^(3)=13
 zwrite ^A
 write ^(2),!
 set ^B("x")=1,^(1)="x1"
 write $data(^B(1)),!
 set ^C(1,2,3)=123 write $data(^(4)),$reference,!
 write $get(^A(1,2)),"|",$get(^(3)),!
 set x=$order(^A(1,"")) write x,"|",$reference,!
 set x=$data(^A(1)) set ^(5)=5 write $reference,!
 zwrite ^A(5)
 set ^E(1,2)=1,^(3,4)=34 zwrite ^E
 set ^F(1)=1 write ^(1)+^F(1),!
 set ^G(1,1)=5,^G(2)=^(1) zwrite ^G
