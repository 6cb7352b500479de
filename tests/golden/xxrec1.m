xxrec1 ; recursion with extrinsics and by-reference accumulators
 write "fact(10)=",$$fact(10),!
 write "fib(15)=",$$fib(15),!
 set acc="" do walk(3,.acc) write "walk=",acc,!
 write "ack(2,3)=",$$ack(2,3),!
 quit
fact(n) quit:n<2 1 quit n*$$fact(n-1)
fib(n) quit:n<2 n quit $$fib(n-1)+$$fib(n-2)
walk(n,a) quit:n=0  set a=a_n do walk(n-1,.a) set a=a_n quit
ack(m,n) quit:m=0 n+1 quit:n=0 $$ack(m-1,1) quit $$ack(m-1,$$ack(m,n-1))
