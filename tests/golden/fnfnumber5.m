fnfnumber5 ; $FNUMBER with an invalid code character
 write "$fn(5,""+"")=",$fnumber(5,"+"),!
 set c="X"
 write "before",!
 set x=$fnumber(5,c)
 write "x=",x,!
 quit
