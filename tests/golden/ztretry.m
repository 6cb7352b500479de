 s $zt="do ERR" s n=0
 d SUB w "back in main ",$zl,!
 s $zt="s k=1" d SUB3 w "back3",!
 s $zt="w ""[t ""_$zl_""]"" q" d SUB4 w "back4",!
 n $zt s $zt="w ""[t ""_$zl_""]"" zg 1:L9" d SUB4 w "back5",!
 q
SUB w "in sub ",$zl w z,! w "sub done",! q
SUB3 w "s3" w k,! w "s3 done",! q
SUB4 w "s4" w j,! w "s4 done",! q
ERR s n=n+1 w "[err ",n," zl=",$zl," ",$p($zs,",",2,3),"]" s z=2 q
L9 w "at L9 ",$zl,! q
