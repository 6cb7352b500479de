zmessage2 ; a fatal (F) message ends the process, no trap runs
 set $etrap="write ""trapped"",! halt"
 write "before",!
 zmessage 150373852:"fatal"
 write "after",!
 quit
