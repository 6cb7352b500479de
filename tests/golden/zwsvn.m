zwsvn ; ZWRITE of special variables
 new $etrap set $etrap="goto trap"
 write 1/0
 quit
trap zwrite $zstatus
 zwrite $ecode,$t,$ZVERSION
 set $ecode=""
 set x=$c(1)_"a" zwrite $st,$ec
 quit
