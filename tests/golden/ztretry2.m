 s $zt="do ERR" s n=0
 w "A" w x,!
 w "done",!
 q
ERR s n=n+1 w "[zt=",$zt," n=",n,"]" i n=3 s x=1
 i n=2 w 1/0
 q
