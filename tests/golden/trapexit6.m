trapexit6 ; trap clears $ECODE then HALTs: status 0
 set $etrap="write ""trap"",! set $ecode="""" halt"
 do a
 quit
a set x=1/0 quit
