midcut ; the server goes away in the middle of a transaction: nothing of it is applied
 new x
 set $etrap="write ""trapped "",$piece($zstatus,"","",3),"" tlevel "",$tlevel,! trollback:$tlevel  set $ecode="""""
 kill ^T set ^T(0)="before"
 tstart ()
 set ^T(1)="in the transaction"
 write "ready",! read x
 do
 . set ^T(2)="in the transaction"
 . tcommit
 . write "committed",!
 write "after: ",$data(^T(0)),$data(^T(1)),$data(^T(2)),!
 quit
