svnstor1 ; $ZREALSTOR, $ZALLOCSTOR, $ZUSEDSTOR (read only, used <= allocated <= real) and $ZSTRPLLIM
 w $zrealstor>0,$zallocstor>0,$zusedstor>0,! w $zr>0,$zal>0,$zu>0,$zreals>0,$zalloc>0,$zused>0,!
 w ($zusedstor'>$zallocstor),($zallocstor'>$zrealstor),!
 w $zstrpllim,! s $zstrpllim=1000000 w $zstrpllim,! s $zstrpllim=5 w $zstrpllim,!
 s $zstrpllim=-1 w $zstrpllim,! s $zstrpllim="12abc" w $zstr,! s $zstrp=0 w $zstrpllim,!
 s $zstrpllim=7 w $zstrpllim,! s $zstrpllim=1.5 w $zstrpllim,! s $zstrpllim=200000 w $zstrpllim,!
 n $et s $et="w $p($zs,"","",3,9),! s $ec="""""
 s $zrealstor=1
 s $zallocstor=1
 s $zusedstor=1
 w "done",!
