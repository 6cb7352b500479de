wrxy1 ; $X and $Y tracking
 set x1=$x,y1=$y
 write "abc" set x2=$x,y2=$y
 write !,"x1=",x1," y1=",y1," x2=",x2," y2=",y2,!
 for i=1:1:3 write i,!
 write "y=",$y,!
 write "12345" set x3=$x write ! write "x3=",x3,!
 write "a",!,"bc" set x4=$x,y4=$y write !,"x4=",x4," y4=",y4,!
 set s="" for i=1:1:50 set s=s_"x"
 write s set x5=$x write !,"x5=",x5,!
 quit
