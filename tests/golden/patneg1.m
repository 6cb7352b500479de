patneg1 ; negated match '? and the empty string
 write "abc'?3N: ","abc"'?3N,!
 write "123'?3N: ","123"'?3N,!
 write """""'?.N: ",""'?.N,!
 write """""?1N: ",""?1N,!
 write """""?.A: ",""?.A,!
 write """""?.A.N: ",""?.A.N,!
 write """""?.(1""a""): ",""?.(1"a"),!
 write "'(""ab""?2A): ",'("ab"?2A),!
 write "'""ab""?2A: ",'"ab"?2A,!
 set x=5 if x'?1N write "x not digit",!
 else  write "x is 1 digit",!
 set x="five" if x'?1N write "x not digit",!
 write "12?1N: ","12"?1N,!
 write "12?1N.E: ","12"?1N.E,!
 quit
