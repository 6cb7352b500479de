svbasic1 ; special variables: $IO $PRINCIPAL $JOB $HOROLOG $ZCMDLINE $ZVERSION
 write "$IO=[",$io,"]",!
 write "$PRINCIPAL=[",$principal,"]",!
 write "$IO=$PRINCIPAL: ",$io=$principal,!
 write "$JOB>0: ",$job>0,!
 write "$JOB integer: ",$job?1.N,!
 write "$HOROLOG shape: ",$horolog?1.N1","1.N,!
 write "$H day > 60000: ",+$h>60000,!
 write "$ZCMDLINE=[",$zcmdline,"]",!
 write "$ZVERSION length>0: ",$length($zversion)>0,!
 write "$TEST=",$test,!
 write "$X=",$x," $Y=",$y,!
 write "$ZEOF=",$zeof,!
 write "$DEVICE=[",$device,"] $KEY=[",$key,"] $ZB len=",$length($zb),!
 write "abbreviated: ",$i=$p," ",$j=$job," ",$h?1.N1","1.N," ",$t,!
 write "upper: ",$IO=$PRINCIPAL," ",$JOB=$J,!
 quit
