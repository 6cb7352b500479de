errundef3 ; UNDEF for an undefined formal parameter that was not passed
 do sub(1)
 do sub()
 write "not reached",!
 quit
sub(x) write "x=",x,! quit
