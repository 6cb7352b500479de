bank ; transfers between ten accounts, each in a transaction
 new i,a,b,amt
 if $zcmdline="init" kill ^ACCT for i=1:1:10 set ^ACCT(i)=1000
 if $zcmdline="init" write "ready",! quit
 for i=1:1:+$zcmdline do
 . set a=$random(10)+1,b=$random(10)+1,amt=$random(50)
 . tstart ():serial
 . set ^ACCT(a)=^ACCT(a)-amt
 . set ^ACCT(b)=^ACCT(b)+amt
 . tcommit
 write "done",!
 quit
