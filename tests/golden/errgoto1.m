errgoto1 ; GOTO to a missing label
 write "before",!
 goto there
 write "skipped",!
there write "there",!
 goto nowhere
 write "not reached",!
 quit
