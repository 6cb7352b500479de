stkplace2 ; $STACK(n,...) for extrinsic, XECUTE and indirect DO frames
 set x=$$f
 quit
f() new i
 xecute "do g"
 quit 1
g new i
 write "0 place: ",$stack(0,"PLACE"),!
 for i=1:1:$stack write i,": ",$stack(i)," | ",$stack(i,"PLACE")," | ",$stack(i,"MCODE"),!
 write "ecode empty: [",$stack(1,"ECODE"),"]",!
 quit
