strunterm4 ; a string with no closing quote as WRITE's argument: SPOREOL
 write "before",!
 write "abc
 write "not reached",!
 quit
