globals ; Globals: variables that live in the database:   minim examples/globals.m
 ; A name with a caret (^) is a global. It outlives the process and every process on the
 ; machine sees the same one. Under minim the database needs no setup: the first global
 ; reference creates it (`minim db path` says where; MINIM_DB chooses another).
 ; This routine starts by removing what an earlier run left, so it prints the same each time.
 kill ^demo
 ; SET, $GET and $DATA work as on local arrays.
 set ^demo("city","Paris")=2161000,^demo("city","Lyon")=513000,^demo("city","Nice")=342000
 write "Lyon: ",^demo("city","Lyon"),!
 write "Oslo: ",$get(^demo("city","Oslo"),"(none)"),!
 ; $ORDER walks the subscripts in order, as for a local array.
 set city="" for  set city=$order(^demo("city",city)) quit:city=""  write city," "
 write !
 ; $QUERY gives the next node of the whole tree, as a name to use with indirection (@).
 set node=$name(^demo) for  set node=$query(@node) quit:node=""  write node,"=",@node,!
 ; $INCREMENT adds to a node in one step, safe when many processes count at once.
 for i=1:1:3 set visits=$increment(^demo("visits"))
 write "visits: ",visits,!
 ; LOCK claims a name for this process (others wait for it): the way to keep two
 ; processes from updating the same record at the same time. The timeout (:5) gives up
 ; after 5 seconds, setting $TEST to 0.
 lock +^demo("city"):5 else  write "busy",! quit
 set ^demo("city","Lyon")=^demo("city","Lyon")+1000
 lock -^demo("city")
 ; A transaction: every update between TSTART and TCOMMIT becomes visible at once;
 ; TROLLBACK throws them all away.
 tstart
 set ^demo("city","Nice")=0
 kill ^demo("city","Paris")
 trollback
 write "after the rollback: ",$data(^demo("city","Paris"))," ",^demo("city","Nice"),!
 tstart
 set ^demo("city","Lille")=236000
 tcommit
 ; ZWRITE shows a global's nodes; KILL removes a node and everything below it.
 zwrite ^demo
 kill ^demo
 write "after KILL: ",$data(^demo),!
 quit
