gvtp7 ; TROLLBACK level errors and TROLLBACK 0
 tstart  tstart
 write "$TLEVEL=",$tlevel,!
 do t("trollback 2")
 do t("trollback 5")
 do t("trollback -3")
 write "$TLEVEL=",$tlevel,!
 set ^A=1
 trollback 0
 write "$TLEVEL=",$tlevel," $D(^A)=",$data(^A),!
 quit
t(cmd) ;
 new $etrap set $etrap="write $piece($zstatus,"","",3,9),"" ECODE="",$ecode,! set $ecode="""" quit"
 write cmd,": "
 xecute cmd
 write "ok $TLEVEL=",$tlevel,!
 quit
