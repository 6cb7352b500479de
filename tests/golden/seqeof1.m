seqeof1 ; $ZEOF and $DEVICE after reads; last line without newline; empty file
 set f="/tmp/minimgold4-seqeof1.txt"
 open f:(newversion) use f write "a",!,"b" close f
 open f:(readonly) use f
 read x set z1=$zeof read y set z2=$zeof read w set z3=$zeof
 close f
 write "x=",x," z1=",z1,!
 write "y=",y," z2=",z2,!
 write "w=[",w,"] z3=",z3,!
 open f:(newversion) close f
 open f:(readonly) use f read e set ze=$zeof close f
 write "empty: [",e,"] zeof=",ze,!
 open f close f:(delete)
 quit
