opchain2 ; operators used in IF conditions and postconditionals
 set a=5,b="5.0",c="abc"
 if a=b write "a=b",!
 else  write "a'=b",!
 if a=b write "a=b",! else  write "same-line else not reached",!
 write "after same-line if, $test=",$test,!
 if a=+b write "a=+b",!
 if a>4,a<6 write "4<a<6",!
 if a>4&(a<6) write "a>4&(a<6)",!
 if a>4&a<6 write "a>4&a<6 true: ",a>4&a<6,!
 set a=9 if a>4&a<6 write "a=9: a>4&a<6 still true",!
 set a=5
 write:c["b" "c contains b",!
 write:c'["z" "c lacks z",!
 write:c]"abb" "c follows abb",!
 write:c]]a "c sorts after a",!
 write:'(c=a) "c not a",!
 set x=$select(a#2:"odd",1:"even") write "a is ",x,!
 for i=-2:1:2 write i,":",$select(i<0:"neg",i=0:"zero",1:"pos")," "
 write !
 set n=0 for i=1:1:10 set:i#3=0 n=n+i
 write "sum of multiples of 3: ",n,!
 quit
