patcount1 ; repeat counts: n, n.m, .m, n., .
 write "12?1.3N: ","12"?1.3N,!
 write "1234?1.3N: ","1234"?1.3N,!
 write """""?1.3N: ",""?1.3N,!
 write "abcde?.5A: ","abcde"?.5A,!
 write "abcdef?.5A: ","abcdef"?.5A,!
 write """""?.5A: ",""?.5A,!
 write "1?2.N: ","1"?2.N,!
 write "12345?2.N: ","12345"?2.N,!
 write """""?.N: ",""?.N,!
 write "999?.N: ","999"?.N,!
 write "abc?0A: ","abc"?0A,!
 write """""?0A: ",""?0A,!
 write """""?0N: ",""?0N,!
 write "ab?2.2A: ","ab"?2.2A,!
 write "abc?.E: ","abc"?.E,!
 write """""?.E: ",""?.E,!
 write """""?1E: ",""?1E,!
 write "aaa?1.A: ","aaa"?1.A,!
 write "12ab?.N.A: ","12ab"?.N.A,!
 write "ab12?.N.A: ","ab12"?.N.A,!
 write "12ab?2N2A: ","12ab"?2N2A,!
 write "007?3N: ","007"?3N,!
 write "007?.3N: ","007"?.3N,!
 quit
