fnfnumber4 ; $FNUMBER with P and T together is an error
 write "$fn(-5,""P"")=",$fnumber(-5,"P"),!
 set n=-5,c="PT"
 write "before",!
 set x=$fnumber(n,c)
 write "not reached",!
 quit
