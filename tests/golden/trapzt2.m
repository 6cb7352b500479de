trapzt2 ; $ZTRAP with a GOTO to a handler label
 set $ztrap="goto handler^trapzt2"
 do a
 write "top after a",!
 quit
a write "a start",!
 set x=1/0
 write "a not reached",!
 quit
handler write "handler at stack ",$stack," ecode=",$ecode,!
 write "zstatus place: ",$piece($zstatus,",",2),!
 set $ecode=""
 quit
