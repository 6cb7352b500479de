fnjustify2 ; $JUSTIFY with three arguments (decimal places and rounding)
 write "[",$justify(3.14159,8,2),"]",!
 write "[",$justify(.5,6,2),"]",!
 write "[",$justify(-.5,6,2),"]",!
 write "[",$justify(2.5,4,0),"]",!
 write "[",$justify(-2.5,4,0),"]",!
 write "[",$justify(1.005,6,2),"]",!
 write "[",$justify(1.995,6,2),"]",!
 write "[",$justify(-1.995,3,2),"]",!
 write "[",$justify(123.456,2,1),"]",!
 write "[",$justify(7,5,3),"]",!
 write "[",$justify(-.004,6,2),"]",!
 write "[",$justify(.004,6,2),"]",!
 write "[",$justify(0,4,2),"]",!
 write "[",$justify("abc",6,2),"]",!
 write "[",$justify("2.5abc",6,2),"]",!
 write "[",$justify(1/3,12,10),"]",!
 write "[",$justify(2/3,8,4),"]",!
 write "[",$justify(12345.678,10,0),"]",!
 write "[",$justify(.999,6,2),"]",!
 write "[",$justify(-.999,1,2),"]",!
 write "[",$justify(5,6,2.7),"]",!
 write "[",$justify(.05,0,1),"]",!
 write "[",$justify(-.05,0,1),"]",!
 quit
