quitpost1 ; QUIT with postconditional, QUIT in various places
 for i=1:1:3 do sub(i)
 write "x=",$$x(1)," ",$$x(5),!
 if 1 quit:0  write "quit:0 continues",!
 set a=1 quit:a=2  write "still here",!
 write "quitting now",! quit:a=1
 write "never",!
sub(n) quit:n=2  write "sub ",n,!
 quit
x(v) quit:v>3 "big"
 quit "small"
