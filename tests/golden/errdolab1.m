errdolab1 ; DO to a missing label
 write "before",!
 do exists
 do missing
 write "not reached",!
 quit
exists write "exists",! quit
