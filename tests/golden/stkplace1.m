stkplace1 ; $STACK(n), $STACK(n,"PLACE"), $STACK(n,"MCODE")
 do a
 quit
a do b quit
b new i
 write "$stack=",$stack,!
 write "$stack(-1)=",$stack(-1),!
 for i=0:1:$stack write i,": ",$stack(i)," | ",$stack(i,"PLACE")," | ",$stack(i,"MCODE"),!
 write "beyond: [",$stack($stack+1),"] [",$stack($stack+1,"PLACE"),"]",!
 quit
