xxbyval1 ; call by value: callee changes do not reach the caller
 set a=1,b=2
 do chg(a,b)
 write "a=",a," b=",b,!
 set r=$$chgf(a)
 write "r=",r," a=",a,!
 set s(1)="sub"
 do chg(s(1),"lit")
 write "s(1)=",s(1),!
 do chg(a+1,b_"x")
 write "exprs ok a=",a," b=",b,!
 quit
chg(x,y) write "in chg x=",x," y=",y,! set x=99,y=98 quit
chgf(x) set x=x*10 quit x
