ztimeout1 ; $ZTIMEOUT: a timer with an optional vector, fired at interrupt points
 w "init:",$ztimeout,!
 s $ztimeout="12:w ""v1"",!" s v=$ztimeout
 w "armed:",$p(v,":")>11,$p(v,":")<12,"|",$p(v,":",2,9),!
 s $ztimeout=2.9 s v=$p($ztimeout,":")
 w "layout:",$p(v,"."),"|",$l($p(v,".",2)),!
 s $ztimeout=-1 w "cancel:",$ztimeout,!
 s $ztimeout="-1:w ""v2"",!" w "cancel vec:",$ztimeout,!
 s $ztimeout=":w ""v3"",!" w "vec only:",$ztimeout,!
 s $ztimeout="" w "empty:",$ztimeout,!
 s $ztimeout="0:w ""zero "",$zlevel,"" "",$stack,"" "",$zininterrupt,!"
 w "same line",!
 w "after zero:",$p($ztimeout,":",2,9),!
 s $ztimeout="0.2:w ""fired "",$zlevel,!"
 s t=$zut h 0.6 w "hang went on:",$zut-t>500000,!
 w "expired:",$ztimeout,!
 s $ztimeout="0.1" f i=1:1:20 h 0.05 q:$p($ztimeout,":")=0
 w "kept vector:",$ztimeout,!
 s $ztimeout="5:" w "no vector:",$p($ztimeout,":",2)="",$l($ztimeout,":"),!
 s $ztimeout=":" s $ztimeout=-1 w "cleared:",$ztimeout,!
 s $ztimeout="abc:w ""abc"",!" w "abc",!
 s $ztimeout="-3" w "neg:",$ztimeout,!
 s $ztimeout=100000000 w "longest:",$p($ztimeout,".")>2147482,! s $ztimeout=-1
 s $ztimeout=":"
 s $etrap="w ""et:"",$zstatus,""|"",$ecode,""|"",$zlevel,! s $ecode="""""
 d sub
 w "back:",$ztimeout,!
 s $etrap="w ""et2:"",$zstatus,""|"",$zlevel,! s $ecode="""" q"
 s $ztimeout="0:s x=1/0"
 w "after vector error",!
 d newzt
 w "done",!
 q
sub s $ztimeout=0.2
 w "sub ",$zlevel,!
 h 2
 w "sub after hang",!
 q
newzt n $ztimeout
 q
