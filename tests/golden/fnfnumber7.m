fnfnumber7 ; $FNUMBER: P cannot be combined with + or -
 write "$fn(-5,""P,"")=",$fnumber(-5,"P,"),!
 set c="P+"
 set x=$fnumber(-5,c)
 write "not reached",!
 quit
