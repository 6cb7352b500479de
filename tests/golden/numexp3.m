numexp3 ; only an uppercase E is an exponent
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
 write 1E2,?8,.5E1,?16,+"1e2",?24,+"1E2",?32,"1e2"+0,!
 do t1,t2,t3,t4
 write "end",!
 quit
t1 write 1e2,! quit
t2 set x=2e3 write x,! quit
t3 xecute "write .5e1,!" quit
t4 write 1e,! quit
