errargs2 ; DO with arguments to a label without a formal list
 do nof
 write "plain do ok",!
 do nof(1)
 write "not reached",!
 quit
nof write "in nof",! quit
