xxerr1 ; too many actual parameters is an error
 write "start",!
 do p(1,2,3)
 write "not reached",!
 quit
p(a,b) write "p",! quit
