stkecode1 ; $STACK(n,"ECODE") and $STACK inside an $ETRAP
 set $etrap="do show set $ecode="""" quit"
 do a
 write "back at top, $ecode=[",$ecode,"]",!
 quit
a do b quit
b write "in b",! set x=1/0 quit
show new i
 write "$stack=",$stack," $estack=",$estack,!
 write "$stack(-1)=",$stack(-1),!
 write "$ecode=",$ecode,!
 write "0: ",$stack(0,"PLACE"),!
 for i=1:1:$stack(-1) write i,": ",$stack(i)," | ",$stack(i,"PLACE")," | ",$stack(i,"ECODE")," | ",$stack(i,"MCODE"),!
 quit
