strunterm1 ; a string with no closing quote right after SET's =: EQUAL
 write "before",!
 set x="abc
 write "not reached",!
 quit
