rdbasic1 ; READ lines from standard input
 read x
 write "1: [",x,"]",!
 read y
 write "2: [",y,"]",!
 read z
 write "3 (empty line): [",z,"] len=",$length(z),!
 read a,b
 write "4: [",a,"] 5: [",b,"]",!
 read c
 write "6 (spaces kept): [",c,"]",!
 read d
 write "7 (last, no newline): [",d,"]",!
 write "zeof=",$zeof,!
 quit
