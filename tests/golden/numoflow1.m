numoflow1 ; NUMOFLOW from multiplication
 set x=1E40
 write "x=",x,!
 set y=x*10 write "x*10 ok",!
 set y=x*1E10
 write "not reached",!
 quit
