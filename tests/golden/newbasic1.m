newbasic1 ; NEW a name, several names, restore on QUIT
 set a=1,b=2,c=3
 do sub1
 write "after sub1 a=",a," b=",b," c=",c,!
 do sub2
 write "after sub2 a=",a," b=",b," c=",c,!
 set x(1)=1,x(2)=2
 do sub3
 write "after sub3 x:",$data(x)," x(1)=",x(1)," x(2)=",x(2),!
 kill u
 do sub4
 write "after sub4 u:",$data(u),!
 quit
sub1 new a
 write "in sub1 a defined:",$data(a),!
 set a=10,c=30
 quit
sub2 new a,b
 set a="A",b="B"
 write "in sub2 a=",a," b=",b,!
 do sub2b
 write "back in sub2 a=",a,!
 quit
sub2b new a set a="inner" write "in sub2b a=",a,! quit
sub3 new x
 write "in sub3 x:",$data(x),!
 set x(5)=5
 quit
sub4 new u set u=1 write "in sub4 u=",u,! quit
