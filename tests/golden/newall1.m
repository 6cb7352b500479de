newall1 ; argumentless NEW and exclusive NEW
 set a=1,b=2,c=3
 do sub1
 write "after sub1 a=",a," b=",b," c=",c,!
 do sub2
 write "after sub2 a=",a," b=",b," c=",c,!
 quit
sub1 new
 write "in sub1 a:",$data(a)," b:",$data(b)," c:",$data(c),!
 set a=100,d=4
 quit
sub2 new (a,b)
 write "in sub2 a:",$data(a)," b:",$data(b)," c:",$data(c),!
 set a=11,c=33
 quit
