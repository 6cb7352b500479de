gvtp2 ; nested transactions, TROLLBACK 1 from level 2
 tstart
 set ^N(1)=1
 tstart
 write "$TLEVEL=",$tlevel,!
 set ^N(2)=2
 tcommit
 write "$TLEVEL=",$tlevel," ",$data(^N(2)),!
 tstart
 set ^N(3)=3
 write "$TLEVEL=",$tlevel,!
 trollback 1
 write "$TLEVEL=",$tlevel," ",$data(^N(3)),!
 tcommit
 zwrite ^N
 write "--",!
 tstart  tstart  tstart
 write "$TLEVEL=",$tlevel,!
 set ^N(9)=9
 trollback 0
 write "$TLEVEL=",$tlevel," ",$data(^N(9)),!
 tstart  tstart
 set ^N(8)=8
 trollback -1
 write "$TLEVEL=",$tlevel,!
 tcommit
 write "$TLEVEL=",$tlevel," ",$data(^N(8)),!
