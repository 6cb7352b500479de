stkfirst1 ; $STACK while $ECODE stays set, under $ZTRAP: the first error's levels, nothing above them
 s $ztrap="d show^stkfirst1 q"
 d t1 w "b1",!
 d t2 w "b2",!
 s $ecode="" w "cleared",!
 d t2 w "b4",!
 q
t1 d s1
 q
t2 w "t2",! d s2 w "t2 same",!
 q
t3() d s1 q 1
s1 s x=1/0
 q
s2 n y w "s2",! s z=y
 q
show w "show: ec=",$ecode," st=",$stack," -1=",$stack(-1),!
 f i=0:1:$stack(-1)+1 w " ",i,":",$stack(i),"|",$stack(i,"PLACE"),"|",$stack(i,"MCODE"),"|",$stack(i,"ECODE"),!
 q
