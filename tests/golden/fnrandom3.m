fnrandom3 ; $RANDOM of a negative number is an error
 write "$r(1)=",$random(1),!
 set n=-5
 write "before",!
 set r=$random(n)
 write "not reached",!
 quit
