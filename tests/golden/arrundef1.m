arrundef1 ; undefined subscripted node: UNDEF error at the end
 set x(1)=1,x(2,3)=23
 write "x(1)=",x(1),!
 write "x(2,3)=",x(2,3),!
 write "get x(2)=[",$get(x(2)),"]",!
 write "x(2) has no value:",!
 write x(2),!
 write "not reached",!
 quit
