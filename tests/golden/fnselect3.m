fnselect3 ; $SELECT with no true condition is an error
 set x=5
 write $select(x=5:"five",1:"other"),!
 write "before",!
 set y=$select(x=1:"one",x=2:"two")
 write "not reached",!
 quit
