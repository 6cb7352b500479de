zgetjpi1 ; $ZGETJPI: ISPROCALIVE, the CPU times (not negative), keyword prefixes, BADJPIPARAM
 s $et="w $p($zs,"","",1),"" "",$p($zs,"","",3,9),! s $ec="""" q"
 w $zgetjpi($j,"ISPROCALIVE"),$zgetjpi("","isprocalive"),$zgetjpi(1,"ISPROCALIVE"),$zgetjpi(999999,"ISPROCALIVE"),$zgetjpi(0,"ISPROCALIVE"),!
 w $zgetjpi($j,"CPUTIM")'<0,$zgetjpi("","UTIME")'<0,$zgetjpi("","STIME")'<0,$zgetjpi("","CUTIME")'<0,$zgetjpi("","CSTIME")'<0,!
 d e1,e2
 q
e1 w $zgetjpi($j,"FOO"),! q
e2 w $zgetjpi($j,"CPU")'<0,! q
