restart ; a transaction whose read another process changes before it commits: PostgreSQL's
 ; serialisation failure restarts it, as GT.M's optimistic TP restarts on a conflict
 new x,r,tries set ^R=1,tries=0
 tstart ():serial
 set tries=tries+1,r=$get(^R)
 if $trestart=0 write "read ",r,! read x
 set ^R=r+1
 set x=$trestart
 tcommit
 write "tries ",tries," $trestart ",x," ^R=",^R,!
 quit
