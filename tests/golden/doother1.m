doother1 write "doother1 run alone",! quit
lab write "in lab^doother1",! quit
args(a,b) write "in args^doother1 a=",a," b=",$get(b,"undef"),! quit
f(x) quit x*2
g(x,y) quit $$f(x)+y
sq(n) quit n*n
