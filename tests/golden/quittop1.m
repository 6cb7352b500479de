quittop1 ; QUIT at top level ends the routine
 write "one",!
 do sub
 write "two",!
 quit
 write "never",!
sub write "sub",! quit  write "never in sub",!
