stkxec1 ; XECUTE does not add a $STACK level in GT.M, but $ESTACK and $ZLEVEL agree
 write "top: ",$stack," ",$estack," ",$zlevel,!
 xecute "write ""xecute: "",$stack,"" "",$estack,"" "",$zlevel,!"
 xecute "xecute ""write """"xecute2: """",$stack,"""" """",$estack,!"""
 xecute "do p"
 set x="do p" xecute x
 quit
p write "p via xecute: ",$stack," ",$stack(1,"PLACE")," ",$stack(1),!
 quit
