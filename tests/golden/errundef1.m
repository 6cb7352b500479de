errundef1 ; UNDEF for an undefined local variable
 set a=1
 write "a=",a,!
 kill a
 write "a killed, data=",$data(a),!
 write "b=",b,!
 write "not reached",!
 quit
