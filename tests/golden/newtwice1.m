newtwice1 ; NEW twice in the same frame, NEW at top level, NEW of a loop var
 set a=1
 do sub
 write "after sub a=",a,!
 new b set b=5
 write "top-level new b=",b,!
 set i=9
 do loop
 write "after loop i=",i,!
 quit
sub new a set a=2 new a set a=3
 write "in sub a=",a,!
 quit
loop new i
 for i=1:1:3 write i
 write !
 quit
