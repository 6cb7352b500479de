doargs1 ; DO with arguments by value, fewer actuals, formals newed
 set a=1,b=2
 do show(10,20)
 do show(5)
 do show()
 do show(,7)
 write "after: a=",a," b=",b,!
 set x=3
 do chg(x)
 write "x unchanged by callee: x=",x,!
 do args^doother1("p","q")
 do args^doother1("only")
 do show(1+1,"s"_"t")
 set v(1)="sub" do show(v(1),$length("abc"))
 quit
show(a,b) write "a:",$data(a)," b:",$data(b)
 write:$data(a) " a=",a write:$data(b) " b=",b
 write !
 quit
chg(x) set x=x*100 write "in chg x=",x,! quit
