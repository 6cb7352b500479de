xxerr4 ; parameters passed to a label without a formal list
 write "start",!
 do p(1)
 write "not reached",!
 quit
p write "p",! quit
