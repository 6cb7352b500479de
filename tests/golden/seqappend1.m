seqappend1 ; APPEND adds to the end; NEWVERSION truncates
 set f="/tmp/minimgold4-seqappend1.txt"
 open f:(newversion) use f write "one",! close f
 open f:(append) use f write "two",! close f
 open f:(append) use f write "three",! close f
 do show
 open f:(newversion) use f write "fresh",! close f
 do show
 open f close f:(delete)
 quit
show open f:(readonly) use f
 for  read x quit:$zeof  use $principal write x,! use f
 close f use $principal write "--",!
 quit
