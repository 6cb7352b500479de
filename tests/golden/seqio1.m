seqio1 ; $IO switches with USE; $X and $Y per device; WRITE to two files alternately
 set f="/tmp/minimgold4-seqio1-a.txt",g="/tmp/minimgold4-seqio1-b.txt"
 open f:(newversion),g:(newversion)
 use f write "f1" set xf=$x
 use g write "g1",!,"g2" set xg=$x,yg=$y
 use f write "-more",!
 use $principal
 write "io is principal: ",$io=$principal,!
 write "xf=",xf," xg=",xg," yg=",yg,!
 close f,g
 for h=f,g open h:(readonly) use h for  read x quit:$zeof  use $principal write h[".txt"," ",x,! use h
 for h=f,g close h use $principal
 for h=f,g open h close h:(delete)
 quit
