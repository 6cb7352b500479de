xxnewsv1 ; NEW of special variables that GT.M allows: $ETRAP, $ESTACK, $ZYERROR
 set $etrap="write ""outer"",!"
 do p
 write "restored $etrap=",$etrap,!
 write "estack top=",$estack,!
 do q
 quit
p new $etrap set $etrap="write ""inner"",!" write "p $etrap=",$etrap,! quit
q new $estack write "q after new $estack=",$estack,! do r quit
r write "r estack=",$estack,! quit
