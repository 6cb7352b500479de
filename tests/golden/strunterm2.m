strunterm2 ; a string with no closing quote as $PIECE's required second argument: COMMA
 write "before",!
 write $piece(x,"abc
 write "not reached",!
 quit
