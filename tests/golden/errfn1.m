errfn1 ; an invalid function name
 write "before",!
 set y=$length("abc")
 write "y=",y,!
 set x=$ZZZZ(1)
 write "not reached",!
 quit
