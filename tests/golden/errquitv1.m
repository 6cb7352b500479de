errquitv1 ; QUIT with a value from a DO
 write "before",!
 do sub
 write "not reached",!
 quit
sub write "in sub",!
 quit 5
