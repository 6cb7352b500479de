trapunw6 ; trap without QUIT: execution falls off the trap code and the frame quits
 set $etrap="write ""trap"",! set $ecode="""""
 do a
 write "top after a",!
 set v=$$f
 write "v=",v,!
 quit
a do b write "a after b",! quit
b set x=1/0 write "b not reached",! quit
f() set x=1/0 quit 5
