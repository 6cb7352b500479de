xxnew3 ; exclusive NEW with several names and by-reference parameters
 set a=1,b=2,c=3,d=4
 do e(.d)
 write "a=",a," b=",b," c=",c," d=",d,!
 quit
e(p) new (a,p) write "e: a=",$data(a)," b=",$data(b)," c=",$data(c)," p=",p,!
 set p=40,a=10,b=20
 quit
