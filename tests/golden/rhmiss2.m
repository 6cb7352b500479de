rhmiss2 ; after a binary operator and a not ('), nothing: RHMISSING
 write "before",!
 write 1_'
 write "not reached",!
 quit
