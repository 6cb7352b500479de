full ; a database too small for what is SET (MINIM_DB_MAP_MB=1, one batch): the SET that
 ; finds it full is GBLOFLOW, which the routine traps; the SETs before it in its batch are
 ; kept (committed before it ran alone), and the database takes updates again afterwards
 if $zcmdline="check" write $get(^A)," ",$select($$count=$get(^B):"same",1:"differ"),! quit
 new i,big set big=$justify("",100000)
 set ^A=1
 set $etrap="do trap halt"
 for i=1:1:100 set ^X(i)=big
 write "not full",!
 quit
trap write $piece($zstatus,",",3),!
 set $ecode=""
 write "A ",$data(^A)," X ",$data(^X),!
 ; every ^X(j) before the failing ^X(i) is there, and not ^X(i)
 write $select($$count=(i-1)&(i>1)&'$data(^X(i)):"all before",1:"i="_i_" count="_$$count),!
 set ^B=i-1 write "B ",^B,!
 quit
count() new n,k set n=0,k="" for  set k=$order(^X(k)) quit:k=""  set n=n+1
 quit n
