xxnew1 ; NEW forms: inclusive, exclusive, all; scoping through DO levels
 set a=1,b=2,c=3
 do n1 write "after n1: a=",a," b=",b," c=",c,!
 do n2 write "after n2: a=",a," b=",b," c=",c,!
 do n3 write "after n3: a=",a," b=",b," c=",c,!
 do n4 write "after n4: a=",a," b=",b," c=",c,!
 quit
n1 new a set a=10,b=20 write "n1 a=",a,! quit
n2 new (a) write "n2 sees a=",a," b defined=",$data(b),! set a=100,b=200,c=300 quit
n3 new  write "n3 a defined=",$data(a),! set a="x",b="y" quit
n4 new a,b set a="p" do n4b write "n4 back a=",a," b=",b,! quit
n4b write "n4b sees a=",a,! set a="q",b="r" quit
