trapecode1 ; SET $ECODE=",U1," raises an error; $ZSTATUS for it; SET $ECODE="" clears
 set $etrap="write ""trap ecode="",$ecode,! write ""zstatus="",$zstatus,! set $ecode="""" quit"
 do a
 write "after a ecode=[",$ecode,"]",!
 do b
 do c
 quit
a set $ecode=",U1," write "a not reached",! quit
b set $ecode=",U23,M7," write "b not reached",! quit
c set $ecode="" write "c: setting empty is no error",! quit
