globals2 ; two processes writing at once: this one JOBs a second writer, both do 100000
 ; SETs of ^C(id,i) and 50000 $INCREMENT(^CNT); prints the seconds until both are done
 new t0 set t0=$$now kill ^DONE
 job w(2):(output="/dev/null":error="/dev/null") do w(1)
 for  quit:$get(^DONE)=2  hang 0.001
 write "two-writers ",$justify($$now-t0/1000000,0,3)," ",^CNT,!
 quit
now() quit $piece($zh,",",2)*1000000+$piece($zh,",",3)
w(id) ;
 new i
 for i=1:1:100000 set ^C(id,i)=i if i#2 if $increment(^CNT)
 if $increment(^DONE)
 quit
