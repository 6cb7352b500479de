gvfast1 ; $GET, $DATA, reads and $ORDER of globals with literal and plain-local subscripts
 new i,j,u,k,n,s,x,long
 set ^g(1)=10,^g(1,"a")="1a",^g(2)=20,^g(2,"b")="2b",^g(2,"b",3)=23,^g("x")="gx",^g(-1.5)="neg"
 ; $GET/$DATA/reads: values, $REFERENCE, naked references after each
 set i=1 write $get(^g(i))," ",$reference," ",^(i,"a"),!
 set i=2,j="b" write $data(^g(i,j))," ",$reference," ",$data(^(j,3)),!
 write $get(^g(3)),"|",$reference,"|",$data(^g(3)),"|",$data(^g(2)),!
 set i="x" write ^g(i)," ",$reference,!
 set i=-1.5 write ^g(i)," ",$reference," ",$get(^g("-1.5")),"|",$data(^g("-1.50")),!
 set i="1" write $get(^g(i,"a"))," ",$get(^g(i_"","a")),!
 set x=1.0 write $get(^g(x)),"|",$get(^g("1.0")),"|",$reference,!
 ; a read of a missing node: GVUNDEF, and the naked indicator names it
 set i=7 do undef(i)
 write $reference,!
 ; an undefined local among the subscripts: UNDEF, the naked indicator as GT.M leaves it
 kill u set i=2 do undefsub
 write $reference,!
 ; a null subscript
 set i="" do nullsub
 ; a long name keeps its first 31 characters
 set ^abcdefghijklmnopqrstuvwxyz12345(1)="long"
 set i=1 write $get(^abcdefghijklmnopqrstuvwxyz123456789(i))," ",$reference,!
 write $data(^abcdefghijklmnopqrstuvwxyz123456789(i)),!
 ; a walk with $GET of the node each $ORDER names, then with the naked indicator
 set i="",s="" for  set i=$order(^g(i)) quit:i=""  set s=s_i_"="_$get(^g(i))_";" set j="" for  set j=$order(^g(i,j)) quit:j=""  set s=s_i_","_j_"="_$data(^g(i,j))_$get(^(j))_";"
 write s,!,$reference,!
 ; backwards, and from a number to the strings
 set i="",s="" for  set i=$order(^g(i),-1) quit:i=""  set s=s_i_";"
 write s,!
 set i=2 write $order(^g(i)),"|",$order(^g(i),-1),"|",$reference,!
 ; another global between steps
 set ^h(1)="h1",i="" for  set i=$order(^g(i)) quit:i=""  write i,":",$get(^h(1)),$data(^g(i))," "
 write !,$reference,!
 ; TP: reads see the transaction's own updates, and a rollback undoes them
 tstart  set ^g(5)=50 write $get(^g(5)),$data(^g(5)),$order(^g(2)) trollback
 write "|",$get(^g(5)),$data(^g(5)),$order(^g(2)),!
 ; values changed behind the walk's back
 set i=1,n=$get(^g(i)) set ^g(1)=11 write n," ",$get(^g(i)),!
 kill ^g(1) write $data(^g(i)),$get(^g(i)),"|",$order(^g(i)),!
 quit
undef(i)
 new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 write ^g(i),!
 quit
undefsub
 new $etrap set $etrap="write $piece($zstatus,"","",3),"" "",$reference,! set $ecode="""" quit"
 write $get(^g(i,u)),!
 quit
nullsub
 new $etrap set $etrap="write $piece($zstatus,"","",3),""|"",$reference,""|"",! set $ecode="""" quit"
 write $get(^g(i,1)),!
 quit
