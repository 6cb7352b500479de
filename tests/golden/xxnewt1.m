xxnewt1 ; $TEST after DO, after extrinsic, with NEW $TEST
 if 1 do f0 write "after do that set $T=0: ",$test,!
 if 1 set x=$$g0 write "after $$ that set $T=0: ",$test,!
 if 0
 do
 . if 1
 . write "in dot $T=",$test,!
 write "after dot: ",$test,!
 if 1 xecute "if 0" write "after xecute: ",$test,!
 quit
f0 if 0 quit
 quit
g0() if 0
 quit 1
