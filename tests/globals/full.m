full ; a database too small for what is SET (MINIM_DB_MAP_MB=1, one batch): the SET that
 ; finds it full is GBLOFLOW, which the routine traps; the earlier SET of the batch is lost
 ; with it, the error says so, and the database takes updates again afterwards
 if $zcmdline="check" write $get(^B),! quit
 new i,big set big=$justify("",100000)
 set ^A=1
 set $etrap="do trap halt"
 for i=1:1:100 set ^X(i)=big
 write "not full",!
 quit
trap write $piece($zstatus,",",3),!
 write $select($zstatus["update(s) outside TP not yet committed were lost":"lost said",1:$zstatus),!
 set $ecode=""
 write "A ",$data(^A)," X ",$data(^X),!
 set ^B=2 write "B ",^B,!
 quit
