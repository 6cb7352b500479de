ztrapagain ; errors in $ETRAP code, or in frames it calls, under a $ZTRAP frame
 ; GT.M: the error leaves the $ETRAP frame and the caller's $ZTRAP traps it afresh;
 ; an error in the $ETRAP text is ERRWETRAP, one in a frame it calls stays itself
 set cnt=0,$ztrap="do h"
 write x,!
 write "after, cnt=",cnt,!
 do q
 quit
h write "in h ",cnt," ",$ecode," ",$zstatus,!
 set cnt=cnt+1 if cnt>3 set x=1 quit
 new $ztrap set $etrap=$select(cnt=1:"write zz",cnt=2:"do e",1:"do e2")
 write 1/0
 quit
e write yy
 quit
e2 write "in e2",!
 quit 1
q set $ztrap="",$ecode=""
 set $etrap="write ""outer "",$ecode,"" "",$zstatus,! set $ecode="""" quit"
 do b
 write "not reached",!
 quit
b new $etrap set $etrap="do c"
 write 1/0
 quit
c write yy
 quit
