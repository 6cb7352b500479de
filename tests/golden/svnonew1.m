svnonew1 ; NEW of a special variable that cannot be NEWed: SVNONEW, GT.M's number
 set $etrap="write $zstatus,"" "",$ecode,! set $ecode="""" quit"
 do a
 write $zmessage(150381178),!
 quit
a new $x
 quit
