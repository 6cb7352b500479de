errlate1 ; unknown functions, special variables and deviceparameters fail only when their command runs
 s DEV="x",PORT=1,$et="w $p($zs,"","",3),! s $ec="""" q"
 d t1,t2,t3,t4,t5,t6,t7,t8
 w "end",!
 q
t1 I 0 O DEV:(:PORT:"ACT"):15
 w "t1",! q
t2 i 0 w $zzz(1)
 w "t2",! q
t3 i 0 w $zzz
 w "t3",! q
t4 w:0 $zzz(1) w "t4",! q
t5 i 0 w $zzz(1) w 1+
 w "t5",! q
t6 w "t6",! o:0 "x":(:1) w "t6b" w $zzz,! q
t7 w "t7" w $zyx(1)
 q
t8 w "t8" s $zyx=1
 q
