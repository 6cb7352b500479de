svxy1 ; $X and $Y after WRITE, tabs and READ
 write "abc"
 set x=$x,y=$y
 write !,"x=",x," y=",y,!
 write ?10 set x=$x write "x=",x,!
 write "y now ",$y,!
 read a
 write "after read x=",$x," y=",$y,!
 write "abc" read b write "after prompt-less read on same line x=",$x,!
 write "y=",$y,!
 quit
