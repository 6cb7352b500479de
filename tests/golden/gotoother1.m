gotoother1 write "gotoother1 run alone",! quit
target write "at target^gotoother1",!
 write "gotoother1 quits: ends the DO frame that did the GOTO",!
 quit
