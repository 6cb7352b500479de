oplogic1 ; logical and & and or ! with their truth rules
 write "1&1: ",1&1,!
 write "1&0: ",1&0,!
 write "0&1: ",0&1,!
 write "0&0: ",0&0,!
 write "1!0: ",1!0,!
 write "0!0: ",0!0,!
 write "0!1: ",0!1,!
 write """1abc""&1: ","1abc"&1,!
 write """0.0""!0: ","0.0"!0,!
 write """abc""!0: ","abc"!0,!
 write """.1""&1: ",".1"&1,!
 write "5&7: ",5&7,!
 write "-1&-2: ",-1&-2,!
 write """""!"""": ",""!"",!
 write """ 1""!0: "," 1"!0,!
 write """0.1abc""&1: ","0.1abc"&1,!
 write "1E-5&1: ",1E-5&1,!
 write """1E-50""!0: ","1E-50"!0,!
 write "1&1&0: ",1&1&0,!
 write "0!0!2: ",0!0!2,!
 write "1!0&0: ",1!0&0,!
 write "1!(0&0): ",1!(0&0),!
 write "0&1!1: ",0&1!1,!
 quit
