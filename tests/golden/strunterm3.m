strunterm3 ; a string with no closing quote in a later subscript of a SET target: RPARENMISSING
 write "before",!
 set x(1,"abc)=1
 write "not reached",!
 quit
