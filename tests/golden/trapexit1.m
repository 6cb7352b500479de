trapexit1 ; $ETRAP at top level clears $ECODE without QUIT: the process ends with status 0
 set $etrap="write ""trap at "",$stack,! set $ecode="""""
 write "start",!
 set x=1/0
 write "not reached",!
 quit
