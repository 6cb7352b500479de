xxlib1 ; helper routine for the xx tests
 quit:$quit "first" quit
add(a,b) quit a+b
k() quit "K"
sq(x) quit x*x
set(v,n) set v=n quit
setref(v) set v="fromlib" quit
