ifpost1 ; postconditionals on commands and arguments
 set x=5
 write:x>3 "w:x>3",!
 write:x<3 "not printed",!
 set:x=5 y="set by postcond"
 write y,!
 do:x>3 lab
 do:x<3 lab
 do lab:x=5,lab:x=6,lab2:x
 goto:x<3 bad
 goto g1:x<3,g2:x>3
bad write "bad",!
 quit
g1 write "g1 wrong",! quit
g2 write "at g2",!
 kill:x=5 x
 write "x:",$data(x),!
 set i=0
 for  set i=i+1 quit:i>3  write "i=",i,!
 write:$test "T true",!
 write "T=",$test,!
 if 0 write:1 "no",!
 write "postcond does not set T: T=",$test,!
 quit
lab write "lab",! quit
lab2 write "lab2",! quit
