stkerr1 ; $STACK(n,"PLACE") of a frame that called via extrinsic inside an expression
 set $etrap="do show^stkerr1 halt"
 write "r=",$$f(1),!
 quit
f(n) quit n+$$g(n)
g(n) quit n/0
show new i for i=1:1:$stack(-1) write i,": ",$stack(i)," ",$stack(i,"PLACE")," [",$stack(i,"ECODE"),"]",!
 write "zstatus: ",$zstatus,!
 quit
