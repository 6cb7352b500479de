killsub1 ; KILL inside loops and of nodes while walking
 for i=1:1:5 set x(i)=i*i
 set k="" for  set k=$order(x(k)) quit:k=""  kill:k#2 x(k)
 set k="" for  set k=$order(x(k)) quit:k=""  write "x(",k,")=",x(k),!
 kill x
 set x("a","b")=1,x("a","c")=2,x("b")=3
 kill x("a","b")
 write "x(a):",$data(x("a"))," x(a,b):",$data(x("a","b"))," x(a,c):",$data(x("a","c")),!
 kill x("a","c")
 write "x(a) after last child killed:",$data(x("a")),!
 write "x:",$data(x),!
 set v=5 kill v set v=6 write "v=",v,!
 quit
