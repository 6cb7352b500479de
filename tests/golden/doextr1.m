doextr1 ; extrinsic functions: $$f(x), $$f^rtn, nested, $TEST around
 write "f(3)=",$$f(3),!
 write "f^doother1(4)=",$$f^doother1(4),!
 write "g^doother1(2,5)=",$$g^doother1(2,5),!
 write "nested: ",$$f($$f(1)),!
 write "nested other: ",$$sq^doother1($$f(2)),!
 write "in expr: ",$$f(2)+$$f(3)*2,!
 write "noargs: ",$$noargs,!
 write "noargs(): ",$$noargs(),!
 set x=$$two(1)
 write "two(1)=",x,!
 write "two(1,2)=",$$two(1,2),!
 if 1 set y=$$tfalse
 write "T after extrinsic that sets T=0: ",$test,!
 if 0 set y=$$ttrue
 write "T after extrinsic that sets T=1: ",$test,!
 write "str: ",$$str("ab"),!
 quit
f(x) quit x+1
noargs() quit "na"
two(a,b) quit a_"/"_$get(b,"none")
tfalse() if 0 quit 0
 quit 0
ttrue() if 1 quit 1
 quit 1
str(s) quit s_s
