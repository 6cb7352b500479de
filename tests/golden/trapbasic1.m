trapbasic1 ; $ETRAP basics: $ECODE, $ZSTATUS, clear and QUIT back to the caller
 set $etrap="do show^trapbasic1 set $ecode="""" quit"
 do a
 write "back at top",!
 write "$ecode after=[",$ecode,"]",!
 quit
a write "in a",!
 set x=1/0
 write "not reached in a",!
 quit
show write "$ecode=",$ecode,!
 write "$zstatus=",$zstatus,!
 write "piece 2=",$piece($zstatus,",",2),!
 write "piece 3=",$piece($zstatus,",",3),!
 write "$zstatus length>0: ",$length($zstatus)>0,!
 quit
