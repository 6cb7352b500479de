globals ; global-variable workloads, timed from inside M so start-up is not counted
 ; minim benches/globals.m [N [PHASE...]]   (GT.M: gtm-run --db benches/globals.m [N [PHASE...]])
 ; Each phase prints "phase seconds checksum"; checksums must match between implementations.
 ; PHASEs (names as printed) run only those phases after the load, which always runs.
 new n,p set n=$piece($zcmdline," "),p=" "_$piece($zcmdline," ",2,99)_" " set:n="" n=500000
 do load(n)
 if $$on(p,"set") do sets(n\5)
 if $$on(p,"walk-order") do walk
 if $$on(p,"walk-query") do query
 if $$on(p,"order-seek") do seeks(n)
 if $$on(p,"random-get") do rget(n\5)
 if $$on(p,"increment") do incr(n\5)
 if $$on(p,"kill-subtree") do kills(n\10)
 quit
on(p,phase) quit (p="  ")!(p[(" "_phase_" "))
now() quit $piece($zh,",",2)*1000000+$piece($zh,",",3)
stored ; minim on PostgreSQL sends SETs in the background: a LOCK waits until all are stored
 lock +^X lock -^X quit
show(phase,t0,sum) write phase," ",$justify($$now-t0/1000000,0,3)," ",sum,! quit
load(n) ; 2n nodes, one update each
 new i,t0 set t0=$$now
 for i=1:1:n set ^X(i)=i,^X(i,"name")="name"_i
 do stored do show("load",t0,n*2) quit
sets(n) ; n SETs of a second global
 new i,t0 set t0=$$now
 for i=1:1:n set ^Y(i)=i
 do stored do show("set",t0,n) quit
walk ; every node with nested $ORDER
 new i,j,c,t0 set t0=$$now,c=0,i=""
 for  set i=$order(^X(i)) quit:i=""  set c=c+1,j="" for  set j=$order(^X(i,j)) quit:j=""  set c=c+1
 do show("walk-order",t0,c) quit
query ; every node with $QUERY
 new q,c,t0 set t0=$$now,c=0,q="^X"
 for  set q=$query(@q) quit:q=""  set c=c+1
 do show("walk-query",t0,c) quit
seeks(n) ; $ORDER from each key to the next
 new i,s,t0 set t0=$$now,s=0
 for i=1:1:n set s=s+$order(^X(i))
 do show("order-seek",t0,s) quit
rget(n) ; $GET of pseudo-random nodes
 new i,r,s,t0 set t0=$$now,s=0,r=1
 for i=1:1:n set r=r*69069+1#4294967296,s=s+$get(^X(r#500000+1))
 do show("random-get",t0,s) quit
incr(n) ; $INCREMENT of one counter
 new i,t0 set t0=$$now
 for i=1:1:n if $increment(^CNT)
 do show("increment",t0,^CNT) quit
kills(n) ; KILL of subtrees
 new i,t0 set t0=$$now
 for i=1:2:n*2 kill ^X(i)
 do show("kill-subtree",t0,$order(^X(""))) quit
