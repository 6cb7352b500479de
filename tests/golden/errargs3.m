errargs3 ; extrinsic to a label without a formal list
 write "before",!
 write $$nof,!
 write "not reached",!
 quit
nof quit 5
