xxnewt2 ; NEW $TEST is not supported by GT.M (SVNONEW when the line runs)
 write "start",!
 if 1 do nt
 write "not reached",!
 quit
nt write "in nt",! new $test if 0 write "nt $T=",$test,! quit
