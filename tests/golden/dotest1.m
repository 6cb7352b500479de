dotest1 ; $TEST after DO label, DO label(args), argumentless DO, extrinsic
 if 1
 do t0
 write "do t0 from T=1: ",$test,!
 if 0
 do t1
 write "do t1 from T=0: ",$test,!
 if 1
 do a0(0)
 write "do a0(0) from T=1: ",$test,!
 if 0
 do a0(1)
 write "do a0(1) from T=0: ",$test,!
 if 1
 do t0^dotest1
 write "do t0^dotest1 from T=1: ",$test,!
 if 1
 do
 . if 0
 write "argless do from T=1: ",$test,!
 if 1
 set v=$$e0()
 write "extrinsic from T=1: ",$test,!
 quit
t0 if 0
 quit
t1 if 1
 quit
a0(v) if v
 quit
e0() if 0
 quit 0
