trapecode2 ; invalid $ECODE values
 set $etrap="write ""trap: "",$piece($zstatus,"","",3),"" ecode="",$ecode,! set $ecode="""" quit"
 do a
 do b
 do c
 quit
a set $ecode="U1" write "a not reached",! quit
b set $ecode=",," write "b after ,,",! quit
c set $ecode="," write "c after ,",! quit
