xxbasic1 ; extrinsic functions and variables: $$label, $$label(), $$label(a,b), $$label^routine
 write "var: ",$$var,!
 write "empty parens: ",$$two(),!
 write "two args: ",$$two(3,4),!
 write "one arg: ",$$two(5),!
 write "other routine: ",$$add^xxlib1(2,3),!
 write "other label only: ",$$k^xxlib1,!
 write "nested: ",$$two($$two(1,1),$$add^xxlib1(1,1)),!
 write "string concat: ",$$var_"-"_$$var,!
 write "numeric result: ",$$two(1,2)+10,!
 quit
var() quit "V"
two(a,b) quit $get(a,"a?")_"+"_$get(b,"b?")
