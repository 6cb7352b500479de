errcmd2 ; an invalid command in a line that never runs: the routine works
 write "start",!
 goto skip
 foo 1
 bar
skip write "after skip",!
 write "end",!
 quit
