etrapafresh ; trap code that clears $ECODE handles its error: the next error is trapped afresh
 set $etrap="do error"
 write $estack,!
 do x1
 write $estack," back at top",!
 quit
x1 do x2
 write $estack," in x1",!
 quit
x2 write $estack,!
 new $estack
 write $estack,!
 write 1/0
 quit
error set $ecode=""
 set $etrap="do error1"
 write "error ",$estack,!
 do errorh
 quit
errorh write 1/0
 quit
error1 set $ecode=""
 set $etrap=""
 write "error1 ",$estack,!
 quit
