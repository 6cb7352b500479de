zfut1 ; $ZUT shape and range; $HOROLOG shape
 set u=$zut
 write "integer: ",u?1.N,!
 write "after 2020 in microseconds: ",u>1577836800000000,!
 write "before 2100: ",u<4102444800000000,!
 set v=$zut write "monotone: ",v'<u,!
 write "$h shape: ",$horolog?1.N1","1.N,!
 write "$zh shape: ",$zhorolog?1.N1","1.N1","1.N1","1.E,!
 quit
