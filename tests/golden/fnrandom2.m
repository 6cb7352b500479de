fnrandom2 ; $RANDOM(0) is an error
 write "$r(1)=",$random(1),!
 set n=0
 write "before",!
 set r=$random(n)
 write "not reached",!
 quit
