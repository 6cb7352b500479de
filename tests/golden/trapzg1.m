trapzg1 ; ZGOTO level:label unwinds frames
 do a
 write "not reached after a",!
 quit
a do b quit
b write "b at zlevel ",$zlevel,!
 zgoto 1:cont^trapzg1
 write "b not reached",!
 quit
cont write "cont at zlevel ",$zlevel," stack ",$stack,!
 do d
 write "after d",!
 quit
d write "d at zlevel ",$zlevel,!
 zgoto 2:e
 quit
e write "e at zlevel ",$zlevel,!
 quit
