zwundef1 ; ZWRITE of an undefined name writes nothing (or errors)
 kill
 set a=1
 write "start",!
 zwrite a
 zwrite nosuch
 write "after",!
 quit
