gvtp1 ; TSTART/TCOMMIT/TROLLBACK basics and $TLEVEL
 write "$TLEVEL=",$tlevel,!
 tstart
 write "$TLEVEL=",$tlevel,!
 set ^T(1)="committed"
 tcommit
 write "$TLEVEL=",$tlevel," ",$get(^T(1)),!
 tstart
 set ^T(2)="rolled",^T(1)="changed"
 write "inside: ",^T(1)," ",$data(^T(2)),!
 trollback
 write "$TLEVEL=",$tlevel," ",^T(1)," ",$data(^T(2)),!
 tstart
 kill ^T
 write "inside: ",$data(^T),!
 trollback
 zwrite ^T
 tstart ()
 set ^T(3)=$increment(^T(4))
 tcommit
 zwrite ^T
