zshs1 ; ZSHOW "S" shows the stack
 do a
 quit
a do b quit
b zshow "S"
 write "--",!
 set x=$$f
 quit
f() zshow "S" quit 1
