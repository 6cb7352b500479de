numoflow6 ; a huge exponent in a string overflows
 set s="1E-400" write "tiny: ",s+0,!
 set s="0E400" write "zero: ",s+0,!
 set s="1E400"
 set x=s+0
 write "not reached",!
 quit
