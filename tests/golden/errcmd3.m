errcmd3 ; invalid command after IF 0 on a line that runs: does the error still happen?
 write "start",!
 write "same line before bad command",! if 0 zzzz 5
 write "not reached?",!
 quit
