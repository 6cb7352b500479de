zfpos1 ; $ZPOSITION gives the current place
 write $zposition,!
 do a
 write "ext: ",$$f,!
 xecute "write $zposition,!"
 set x="write $zposition,!" xecute x
 quit
a write $zposition,! quit
f() quit $zposition
