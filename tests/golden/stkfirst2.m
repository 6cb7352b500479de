stkfirst2 ; $STACK while $ECODE stays set, under $ETRAP: the first error's levels as the trap unwinds
 s $etrap="d show^stkfirst2 q"
 d t1 w "b1",!
 d t2 w "b2",!
 s x=$$t3() w "b3",!
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
