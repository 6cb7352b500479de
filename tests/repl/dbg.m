dbg ; debugger
 set a=1
 do sub
 write "back in dbg",!
 quit
sub new b set b=2
 do deeper(3)
 write "back in sub",!
 quit
deeper(n) write "in deeper",!
 write x+1
 write "after error",!
 quit
