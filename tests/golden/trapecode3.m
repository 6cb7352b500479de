trapecode3 ; $ECODE accumulates while a trap runs; $STACK(-1) keeps the error level
 set $etrap="do t1 quit"
 do a
 write "end ecode=[",$ecode,"]",!
 quit
a set x=1/0 quit
t1 write "in trap ecode=",$ecode,!
 set $etrap="write ""second trap ecode="",$ecode,"" stack(-1)="",$stack(-1),"" stack="",$stack,! set $ecode="""" quit"
 set $ecode=",U7,"
 write "not reached",!
 quit
