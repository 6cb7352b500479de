killnull ; KILL @x with x empty names no variable: VAREXPECTED (not an argumentless KILL)
 s $et="w $p($zs,"","",2,9),! s $ec="""" g @(""k""_$i(n))",n=0
 s keep=1 k @"" w "1 keep:",$d(keep),!
k1 s keep=1,x="" k @x w "2 keep:",$d(keep),!
k2 s keep=1 x "k @x" w "3 keep:",$d(keep),!
k3 s keep=1 k (keep,n,x),@x w "4 keep:",$d(keep),!
k4 s keep=1,x=" " k @x w "5 keep:",$d(keep),!
k5 s keep=1,x="keep" k @x w "6 keep:",$d(keep),!
k6 w "end",!
 q
