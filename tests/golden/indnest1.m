indnest1 ; nested and combined indirection
 set a="b",b="c",c="final"
 write "@a=",@a," @@a=",@@a,!
 set @@a="changed" write "c=",c,!
 set x="y",y="arr" set z=@x set @z@(1)="deep" write "arr(1)=",arr(1),!
 set cmd="set e=5" xecute cmd write "e=",e,!
 set f="g",g="h(2)" set @@f="via two" write "h(2)=",h(2),!
 set lbl="t",rou="indnest1" do @lbl^@rou
 write "$$@lbl^@rou: ",$$@lbl^@rou," $$@lbl: ",$$@lbl," $$t^@rou: ",$$t^@rou,!
 quit
t() quit:$quit "tx" write "in t",! quit
