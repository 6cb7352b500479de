ztimeout2 ; $ZTIMEOUT: fired inside a transaction; without a vector under $ZTRAP (the line runs again)
 s ^ztimeout2=0
 s $ztimeout="0.4:w ""fired "",$tlevel,!"
 ts ()
 w "in tp",!
 h 1.2
 s ^ztimeout2=1
 w "still in tp",!
 tc
 w "after tc:",^ztimeout2,!
 s $ztimeout="0.3:w ""fired2 "",$tlevel,!"
 ts ()
 h 1
 tro
 w "after tro",!
 s $ztimeout=":"
 d a w "back a",!
 q
a s $ztrap="w ""zt:"",$zstatus,""|"",$zlevel,! s n=$g(n)+1 i n>2 w ""giving up"",! q"
 s $ztimeout=0.2
 w "hang",! h 1 w "after hang",!
 w "a done",!
 q
