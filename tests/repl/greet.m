greet ; routines that direct-mode transcripts call
 write "hello from greet",!
 quit
hi(name) ; DO with an argument
 write "hi, ",name,!
 quit
twice(n) quit n*2
count ; sets a variable the session can see
 set counted=$get(counted)+1
 quit
fail ; an error in a routine
 set inroutine=1
 write 1/0
 quit
trapped ; an error handled by $ETRAP in the routine's frame
 new $etrap
 set $etrap="write ""trapped: "",$piece($zstatus,"","",3),! set $ecode="""""
 write undefinedvar
 write "not reached",!
 quit
