tpfull ; an update in a transaction finds the database full (MINIM_DB_MAP_MB=1): GBLOFLOW,
 ; trapped; until TROLLBACK the transaction refuses TCOMMIT, reads and SETs with GBLOFLOW
 ; ($TLEVEL stays 1: errors roll nothing back by themselves, as in GT.M); after it, nothing
 ; of the transaction is there and globals work again
 new i,big set big=$justify("",100000)
 set ^A=1
 set $etrap="goto trap"
 tstart
 set ^T=1
 for i=1:1:100 set ^X(i)=big
 write "not full",!
 quit
trap write "trap ",$piece($zstatus,",",3)," ",$tlevel,!
 write $select($zstatus["only TROLLBACK ends it":"said",1:$zstatus),!
 set $ecode=""
 do try("tcommit"),try("write $data(^A),!"),try("set ^Z=1")
 trollback
 write "after ",$tlevel,!
 write "A ",$data(^A)," T ",$data(^T)," X ",$data(^X)," Z ",$data(^Z),!
 set ^B=2 write "B ",^B,!
 tstart  set ^C=3 tcommit  write "C ",^C,!
 quit
try(cmd) new $etrap
 set $etrap="write ""refused "",$piece($zstatus,"","",3),"" "",$tlevel,! set $ecode="""" quit"
 xecute cmd
 write "done",!
 quit
