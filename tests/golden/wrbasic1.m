wrbasic1 ; WRITE several expressions, !, $X and $Y
 write "abc"
 write " x=",$x,!
 write "y after one newline=",$y,!
 write 1,2,3,!
 write "x after 123: " write $x,!
 write !,!
 write "y=",$y,!
 write "a",!,"b",!!,"c",!
 write 1+2," ",3*4," ",10/4,!
 write -5,!
 write .5,!
 write "q""uote",!
 set y=$y write "y read in middle=",y,!
 write "abc",?10,"x=",$x,!
 quit
