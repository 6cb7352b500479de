stkxec2 ; $STACK(n,"PLACE"/"MCODE") of XECUTE levels, and of XECUTE text run inline
 x "d show"
 x "x ""d show"""
 s $etrap="d et^stkxec2"
 x "d err"
 w "after",!
 x "s y=1 x ""s z=1/0"""
 s $etrap="w ""et:"",$stack($stack,""PLACE""),""|"",$stack($stack,""MCODE""),""|"",$zlevel,! s $ecode="""""
 d t3 w "back3",!
 d t4 w "back4",!
 d t6 w "back6",!
 w "done",!
 q
show f i=0:1:$stack w i,":",$stack(i),"|",$stack(i,"PLACE"),"|",$stack(i,"MCODE"),"|",$stack(i,"ECODE"),!
 q
err s x=1/0 q
et f i=0:1:$stack w "et ",i,":",$stack(i),"|",$stack(i,"PLACE"),"|",$stack(i,"MCODE"),"|",$stack(i,"ECODE"),!
 s $ecode="" q
t3 x "w 4 x ""s ="" w 5" w "same line3",!
 q
t4 x "w 6 s x=1/0 w 7" w "same line4",!
 q
t6 x "n q x ""s ="" w 5" w "same line6",!
 q
