arrdata1 ; $DATA 0 1 10 11, $GET with 1 and 2 arguments
 write "undef:",$data(a),!
 set a=1 write "value:",$data(a),!
 set b(1)=1 write "children only:",$data(b),!
 set a(1)=1 write "both:",$data(a),!
 write "b(1):",$data(b(1))," b(2):",$data(b(2)),!
 set c(1,2)="" write "c:",$data(c)," c(1):",$data(c(1))," c(1,2):",$data(c(1,2)),!
 write "get a=",$get(a)," get z=[",$get(z),"] get z,def=",$get(z,"def"),!
 write "get b(1)=",$get(b(1))," get b(9)=[",$get(b(9)),"] get b(9,1),d=",$get(b(9,1),"d"),!
 write "get b=[",$get(b),"] get b,dd=",$get(b,"dd"),!
 write "data of empty string value:",$data(c(1,2)),!
 set d("x","y","z")=1
 write "d:",$data(d)," d(x):",$data(d("x"))," d(x,y):",$data(d("x","y"))," d(x,y,z):",$data(d("x","y","z")),!
 quit
