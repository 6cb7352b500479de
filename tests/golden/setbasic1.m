setbasic1 ; SET simple, multiple args, multiple targets, subscripts
 set a=1
 write "a=",a,!
 set b=2,c="str",d=b+3
 write "b=",b," c=",c," d=",d,!
 set (e,f,g)=7
 write "e=",e," f=",f," g=",g,!
 set (h,i(1),i(2,"x"))="multi"
 write "h=",h," i(1)=",i(1)," i(2,x)=",i(2,"x"),!
 set x(1)=10,x(1,2)=12,x("a")="A"
 write "x(1)=",x(1)," x(1,2)=",x(1,2)," x(a)=",x("a"),!
 set n=3,y(n)=n*2,y(n+1)=y(n)+1
 write "y(3)=",y(3)," y(4)=",y(4),!
 set a=a+1,a=a*10
 write "a=",a,!
 set s="",t=0
 write "s=[",s,"] t=",t,!
 set k=1,(k,m)=k+1
 write "k=",k," m=",m,!
 set z="05"
 write "z=",z," z+0=",z+0,!
 set big=123456789012345678
 write "big=",big,!
 quit
