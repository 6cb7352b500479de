xecnest1 ; nested XECUTE and XECUTE calling DO
 xecute "xecute ""write """"inner"""",!"""
 set y="write ""y"",!",z="xecute y"
 xecute z
 xecute "do lab"
 xecute "set r=$$f(3)" write "r=",r,!
 xecute "if 1" write "$test after xecute if 1: ",$test,!
 xecute "write $stack,"" "",$estack,!"
 quit
lab write "lab via xecute, stack=",$stack,! quit
f(n) quit n*2
