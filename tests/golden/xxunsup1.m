xxunsup1 ; unsupplied parameters are undefined; formals are implicitly NEWed
 set b="outer b",c="outer c"
 do p(1)
 write "b after=",b," c after=",c,!
 do p(,2)
 do p()
 do p
 write "q: ",$$q(1,,3),!
 set x="caller x"
 do sx(5)
 write "x restored: ",x,!
 kill y do sx2(7) write "y after: ",$data(y),!
 quit
p(a,b) write "a:",$data(a)," b:",$data(b),! set b="inner" quit
q(a,b,c) quit $data(a)_$data(b)_$data(c)
sx(x) write "x in callee=",x,! quit
sx2(y) write "y=",y,! quit
