fortarget ; FOR: a subscripted or indirect control variable is evaluated once, before the first item
 set n=0 for a($$s("sub"))=$$s("start"):$$s("step"):$$s("lim") write "." quit:n>12
 write !
 set n=0 for a($$s("sub"))=$$s("v1"),$$s("v2"),$$s("start"):$$s("step"):$$s("lim") write "."
 write !
 set x="b($$s(""ind""))",n=0 for @x=$$s("v1"),$$s("start"):1:$$s("lim") write "."
 write !
 zwrite a,b
 kill ^V1A,^V1B set ^V1A(1)=2,^(1,2)=12,^(2,3)=10,^V1B(1)="X",^(4)=7,^(5)=24
 set c="" for A(^(1,^V1A(1)))=^(2,3):^V1B(4):^(5) set c=c_^(1) write $reference," "
 write !,c,! zwrite A
 set n=0 for i=$$s("v1"),$$s("v2") write "."
 write !
 quit
s(x) set n=n+1 write x,n," " quit n
