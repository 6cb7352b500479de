dooff1x write "dooff1x line 0",! quit
two write "two+0",!
 write "two+1",!
 quit
