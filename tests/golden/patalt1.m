patalt1 ; alternation
 write "a?1(1""a"",1""b""): ","a"?1(1"a",1"b"),!
 write "b?1(1""a"",1""b""): ","b"?1(1"a",1"b"),!
 write "c?1(1""a"",1""b""): ","c"?1(1"a",1"b"),!
 write "abba?.(1""a"",1""b""): ","abba"?.(1"a",1"b"),!
 write "abca?.(1""a"",1""b""): ","abca"?.(1"a",1"b"),!
 write "yes?1(1""yes"",1""no""): ","yes"?1(1"yes",1"no"),!
 write "no?1(1""yes"",1""no""): ","no"?1(1"yes",1"no"),!
 write "12ab?1(2N,2A)1(2N,2A): ","12ab"?1(2N,2A)1(2N,2A),!
 write "a1b2?2(1A1N): ","a1b2"?2(1A1N),!
 write "a1b?2(1A1N): ","a1b"?2(1A1N),!
 write "nested x12?1(1""x"",1""y"")1(2N,1(1""a"",1""b"")): ","x12"?1(1"x",1"y")1(2N,1(1"a",1"b")),!
 write "nested yb: ","yb"?1(1"x",1"y")1(2N,1(1"a",1"b")),!
 write "nested yc: ","yc"?1(1"x",1"y")1(2N,1(1"a",1"b")),!
 write "1-3 ab's: ","ababab"?1.3(1"ab"),!
 write "4 ab's 1.3: ","abababab"?1.3(1"ab"),!
 write "date 2024-01-05: ","2024-01-05"?4N1"-"2N1"-"2N,!
 write "opt sign -12: ","-12"?.1(1"-",1"+")1.N,!
 write "opt sign 12: ","12"?.1(1"-",1"+")1.N,!
 write "opt sign +-12: ","+-12"?.1(1"-",1"+")1.N,!
 quit
