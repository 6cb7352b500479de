numoflow4 ; NUMOFLOW from addition near the limit and division
 set x=9E46 write "x=",x,!
 set y=x+x
 write "not reached",!
 quit
