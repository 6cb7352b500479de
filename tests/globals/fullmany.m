fullmany ; a database filled to its end (MINIM_DB_MAP_MB=1) by many small SETs in many
 ; batches, then thinned by KILLs of every other node: an update that finds it full is
 ; GBLOFLOW, which the routine traps, and every update that returned before it is kept
 new mode,i,done,before,big set mode=$zcmdline,done=0,big=$justify("",10)
 if mode="count" write $$count,! quit
 set before=$$count
 set $etrap="do trap halt"
 if mode="fill" for i=1:1 set ^X(i)=big,done=done+1,^Y(i)=big,done=done+1
 if mode="kill" for i=1:2 quit:'$data(^X(i))  kill ^X(i) set done=done+1
 write "no error",!
 do kept
 quit
trap write $piece($zstatus,",",3),!
 set $ecode=""
 do kept
 quit
kept ; SETs add a node each, KILLs take one
 new want set want=$select(mode="fill":before+done,1:before-done)
 write $select($$count=want:"all kept",1:"want "_want_" count "_$$count),!,$$count,!
 quit
count() ; the nodes of ^X and ^Y
 new n,g,k set n=0
 for g="^X","^Y" set k="" for  set k=$order(@g@(k)) quit:k=""  set n=n+1
 quit n
