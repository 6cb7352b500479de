errundef2 ; UNDEF inside a called routine, in an expression
 set a=1
 do sub
 write "not reached",!
 quit
sub write "in sub",!
 set b=a+c
 quit
