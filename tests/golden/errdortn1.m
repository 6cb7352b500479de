errdortn1 ; DO to a missing routine
 write "before",!
 do ^nosuchrtn
 write "not reached",!
 quit
