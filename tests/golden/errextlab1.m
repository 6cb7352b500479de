errextlab1 ; extrinsic to a missing label
 write "before",!
 write $$nosuch(1),!
 write "not reached",!
 quit
