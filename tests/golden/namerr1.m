namerr1 ; $QLENGTH of an invalid name
 write "start",!
 write $qlength("a(1"),!
 write "not reached",!
 quit
