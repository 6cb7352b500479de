gvnaked2 ; $REFERENCE after various operations
 write "[",$reference,"]",!
 set ^R(1,2)=1 write $reference,!
 set x=$data(^R(5,6,7)) write $reference,!
 set x=$get(^R(8)) write $reference,!
 set x=$order(^R(1,"")) write $reference,!
 set x=$order(^R("")) write $reference,!
 set x=$query(^R(1)) write $reference,!
 kill ^R(3,4) write $reference,!
 set x=$increment(^S(1,1)) write $reference,!
 do undef write $reference,!
 set ^T=1 write $reference,!
 set x=$name(^U(1)) write $reference,!
 set l(1)=1 write $reference,!
 zkill ^R(9) write $reference,!
 merge ^V(1)=^R write $reference,!
 set x=$zprevious(^R(7)) write $reference,!
 quit
undef ;
 new $etrap set $etrap="write $zstatus,! set $ecode="""" quit"
 write ^W(1,2)
 quit
