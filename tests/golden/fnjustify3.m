fnjustify3 ; $JUSTIFY with a negative decimal count is an error
 write "[",$justify(1.5,6,0),"]",!
 set d=-1
 write "before",!
 set x=$justify(1.5,6,d)
 write "not reached",!
 quit
