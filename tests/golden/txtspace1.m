txtspace1 ; $TEXT returns the line as written: label separators and spacing kept
 write "[",$text(a),"]",!
 write "[",$text(b),"]",!
 write "[",$text(c),"]",!
 write "[",$text(c+1),"]",!
 write "[",$text(d),"]",!
 quit
a  quit
b(x,y)	quit x
c ;comment  with  spaces
 ;
d	;tab after label
