fnjustify1 ; $JUSTIFY with two arguments (right-justify in a field)
 write "[",$justify("abc",6),"]",!
 write "[",$justify("abc",3),"]",!
 write "[",$justify("abc",2),"]",!
 write "[",$justify("abc",0),"]",!
 write "[",$justify("abc",-3),"]",!
 write "[",$justify("",4),"]",!
 write "[",$justify(42,5),"]",!
 write "[",$justify(-42,5),"]",!
 write "[",$justify(1.50,6),"]",!
 write "[",$justify("1.50",6),"]",!
 write "[",$justify("abc",4.9),"]",!
 write "[",$justify(12345678,4),"]",!
 write "[",$justify("x","3abc"),"]",!
 for i=1,22,333,4444 write $justify(i,6),!
 quit
