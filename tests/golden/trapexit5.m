trapexit5 ; $ETRAP at top level clears $ECODE and QUITs: status 0
 set $etrap="write ""trap at "",$stack,! set $ecode="""" quit"
 write "start",!
 set x=1/0
 write "not reached",!
 quit
