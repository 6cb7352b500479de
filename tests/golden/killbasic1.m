killbasic1 ; KILL a variable, a subtree, a whole array
 set a=1,b=2
 kill a
 write "a:",$data(a)," b:",$data(b),!
 set x=0,x(1)=1,x(1,1)=11,x(1,2)=12,x(2)=2
 kill x(1)
 write "x:",$data(x)," x(1):",$data(x(1))," x(1,1):",$data(x(1,1))," x(2):",$data(x(2)),!
 kill x(2)
 write "x:",$data(x),!
 set y(1)=1,y(2,3)=23
 kill y
 write "y:",$data(y)," y(1):",$data(y(1))," y(2):",$data(y(2)),!
 set z=1,z(1)=1
 kill z(1)
 write "z:",$data(z),!
 set p(1,2,3)=123
 kill p(1,2)
 write "p:",$data(p)," p(1):",$data(p(1)),!
 kill undefined,undefined(1,2),p(9)
 write "kill of undefined things: ok",!
 set a=1,b=2,c=3
 kill a,b
 write "a:",$data(a)," b:",$data(b)," c:",$data(c),!
 quit
