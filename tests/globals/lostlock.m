lostlock ; holds ^L(1); its lock connection is cut: the next LOCK is an error it traps, and
 ; the names it held are gone (another process takes them); the LOCK after that connects again
 new x
 lock +^L(1) write "ready",!
 read x
 do try("lock +^L(2)")
 zshow "L"
 write "cut",!
 read x
 lock +^L(3):10 write $test,!
 zshow "L"
 write "done",!
 quit
try(code) ; in its own frame, so the trap returns here
 new $etrap
 set $etrap="write ""trapped "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 xecute code
 quit
