patbad7 ; pattern codes no character has: no match, or PATNOTFOUND when the match runs; bad indirect patterns
 set $etrap="write $piece($zstatus,"","",2,9),"" "",$ecode,! set $ecode="""" quit"
 write "x"?1N1Q,"x"?1AX,"x"?1NB,"x"?2Q,"x"?1N1(1Q,1B),"x"?1(1Q)1N,!
 if 0 write "x"?1Q
 for i=1:1:12 do @("t"_i)
 quit
t1 write "a","x"?1Q
t2 write "b","x"?1QB
t3 write "c","x"?1(1N,1q)
t4 write "d","x"?1.(1BX,1N)
t5 write "e",""?.Q
t6 set x="1Q" write "f","x"?@x
t7 set x="1Z" write "x"?@x
t8 set x="N" write "x"?@x
t9 set x="1""a" write "x"?@x
t10 set x="3.2N" write "x"?@x
t11 set x="1(1N,1A" write "x"?@x
t12 set x="1N)" write "x"?@x
