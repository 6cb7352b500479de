opmod2 ; modulo and integer division with 18-digit and larger operands
 set x=999999999999999999 write "x#7=",x#7," x\7=",x\7,!
 set x=123456789012345678 write "x#7=",x#7," x\7=",x\7,!
 set x=1E17 write "1E17#7=",x#7,!
 set x=1E18 write "1E18#1000=",x#1000,!
 set x=1E18 write "1E18#7=",x#7,!
 set x=1E18 write "1E18#3=",x#3,!
 set x=1E19 write "1E19#7=",x#7," 1E19\7=",x\7,!
 set x=-1E18 write "-1E18#7=",x#7,!
 quit
