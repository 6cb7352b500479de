opunary1 ; unary plus, minus and not
 write "-""5abc""=",-"5abc",!
 write "+""-0""=",+"-0",!
 write "'0=",'0,!
 write "'""a""=",'"a",!
 write "'5=",'5,!
 write "--5=",--5,!
 write "---5=",---5,!
 write "+-5=",+-5,!
 write "-+5=",-+5,!
 write "''5=",''5,!
 write "'''5=",'''5,!
 write "'""0.0""=",'"0.0",!
 write "'"".1""=",'".1",!
 write "'""""=",'"",!
 write "'-1=",'-1,!
 write "-'0=",-'0,!
 write "-"".5""=",-".5",!
 write "-""abc""=",-"abc",!
 write "+""""=",+"",!
 write "'""00""=",'"00",!
 write "'"" 1""=",'" 1",!
 write "-(3-5)=",-(3-5),!
 quit
