oppow2 ; negative base with a fractional exponent
 set b=-8,e=1/3
 write "b=",b,!
 write "b**2=",b**2,!
 write "b**e=",b**e,!
 write "done",!
 quit
