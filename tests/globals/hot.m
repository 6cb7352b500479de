hot ; N transactions on one hot node, each slow enough to conflict; prints the most
 ; restarts one transaction needed and how many ran their final (fourth) try
 new i,n,x,most,final set n=+$zcmdline,(most,final)=0
 for i=1:1:n do
 . tstart ():serial
 . set x=$get(^HOT) hang 0.002 set ^HOT=x+1
 . set:$trestart>most most=$trestart set:$trestart=3 final=final+1
 . tcommit
 write "done ",most," ",final,!
 quit
