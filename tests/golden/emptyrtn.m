emptyrtn ; an empty routine name reached through indirection
 ; $TEXT says RTNNAME; DO, GOTO, ZLINK and ZPRINT say ZLINKFILE (no file looked for)
 s $et="w $zs,! s $ec="""" g @(""s""_$i(n))",r="",n=0
 s x=$t(top+2^@r) w "1 ",x,!
s1 s x=$t(^@r) w "2 ",x,!
s2 s x=$t(+1^@r) w "3 ",x,!
s3 d ^@r w "4",!
s4 zp ^@r w "5",!
s5 s x=$t(@"top+1^") w "6 ",x,!
s6 zl r w "7",!
s7 s x=$t(^nosuchrtn) w "8 [",x,"]",!
s8 g ^@r
s9 w "end",!
 q
