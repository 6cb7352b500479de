lost ; the database server goes away: the next global reference is an error the routine traps
 set $etrap="write ""trapped "",$piece($zstatus,"","",3),! halt"
 set ^A(1)=1 write "ready",!
 read x
 set ^A(2)=2
 write "not reached",!
 quit
