zshowi1 ; ZSHOW "I" to a device: GT.M's order, $Y as each line is written
 s f="/tmp/minimgold-zshowi1.txt"
 s $zyerror="zy^zshowi1",$ztimeout=-1
 o f:(newversion) u f w "first line",! zshow "I" c f
 s want="$DEVICE $ECODE $ESTACK $KEY $QUIT $STACK $STORAGE $TEST $TLEVEL $TRESTART $X $Y $ZA $ZB $ZLEVEL $ZPOSITION $ZSTATUS $ZTIMEOUT $ZYERROR"
 o f:(readonly) u f r l f n=1:1 r l q:$zeof  s name=$p(l,"=") i (" "_want_" ")[(" "_name_" ") s out(n)=l
 c f:(delete)
 s n="" f  s n=$o(out(n)) q:n=""  w out(n),!
 zshow "I":v
 w "into a variable, $Y:",$d(v("I")),!
 q
zy q
