killexcl1 ; exclusive KILL keeps whole arrays; KILL with several argument forms
 set a=1,a(1)=2,a(1,1)=3,b(1)=4,c=5
 kill (a)
 write "a:",$data(a)," a(1,1)=",a(1,1)," b:",$data(b)," c:",$data(c),!
 set b(1)=1,b(2)=2,c=3,d=4
 kill a(1,1),b(1),(a,b,d)
 write "a(1):",$data(a(1))," b(1):",$data(b(1))," b(2):",$data(b(2))," c:",$data(c)," d:",$data(d),!
 quit
