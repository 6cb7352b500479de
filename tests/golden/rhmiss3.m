rhmiss3 ; '<= is not an operator: GT.M reads '< and finds = where the right-hand side should be
 write "before",!
 set x=1'<=2
 write "not reached",!
 quit
