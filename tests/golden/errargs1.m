errargs1 ; more actual arguments than formals
 do two(1,2)
 write "ok with two",!
 do two(1,2,3)
 write "not reached",!
 quit
two(a,b) write "a=",a," b=",b,! quit
