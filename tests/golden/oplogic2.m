oplogic2 ; negated logical operators '& and '!
 write "1'&1: ",1'&1,!
 write "1'&0: ",1'&0,!
 write "0'&0: ",0'&0,!
 write "1'!0: ",1'!0,!
 write "0'!0: ",0'!0,!
 write "'1&0: ",'1&0,!
 write "'(1&0): ",'(1&0),!
 write "'0!0: ",'0!0,!
 quit
