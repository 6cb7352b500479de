dorec1 ; recursion: factorial, fibonacci, recursive DO with NEW
 write "5!=",$$fact(5),!
 write "10!=",$$fact(10),!
 write "0!=",$$fact(0),!
 for i=0:1:10 write $$fib(i)," "
 write !
 set depth=0 do down(4)
 write "depth=",depth,!
 quit
fact(n) quit:n<2 1
 quit n*$$fact(n-1)
fib(n) quit:n<2 n
 quit $$fib(n-1)+$$fib(n-2)
down(n) new m set m=n
 write "down ",n,!
 if n>0 do down(n-1)
 write "up ",m,!
 set depth=depth+1
 quit
