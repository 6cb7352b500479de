zwerr1 ; ZWRITE with * in a non-final subscript is a syntax error
 set a(1,2)=12
 write "start",!
 zwrite a(*,2)
 write "not reached",!
 quit
