extbasic1 ; extrinsic functions: arguments, locals visible, side effects
 set g=10
 write "add=",$$add(2,3),!
 write "uses global-like local g: ",$$useg(),!
 write "g after side effect: ",$$incg()," g=",g,!
 write "formal hides outer: ",$$hide(5)," g=",g,!
 write "missing arg: ",$$opt(),"|",$$opt(1),!
 write "in subscript: " set a($$add(1,1))="two" write $data(a(2)),!
 write "as for limit: " for i=1:1:$$add(1,2) write i
 write !
 write "in postcond: " write:$$add(0,0) "no" write:$$add(0,1) "yes",!
 write "string result: ",$$cat("a","b","c"),!
 write "call chain: ",$$outer(3),!
 quit
add(a,b) quit a+b
useg() quit g*2
incg() set g=g+1 quit g
hide(g) set g=g*100 quit g
opt(x) quit $data(x)
cat(a,b,c) quit a_b_c
outer(n) quit $$inner(n)*2
inner(n) quit n+1
