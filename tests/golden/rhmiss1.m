rhmiss1 ; after a binary operator, a comma where the right-hand side should be: RHMISSING
 write "before",!
 write 1+,2
 write "not reached",!
 quit
