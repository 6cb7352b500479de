patback1 ; patterns that only match by backtracking
 write "abcx?.E1""x"": ","abcx"?.E1"x",!
 write "abxcx?.E1""x"": ","abxcx"?.E1"x",!
 write "abxc?.E1""x"": ","abxc"?.E1"x",!
 write "x?.E1""x"": ","x"?.E1"x",!
 write "aaab?.A1""b"": ","aaab"?.A1"b",!
 write "123456?.N3N: ","123456"?.N3N,!
 write "12?.N3N: ","12"?.N3N,!
 write "file.tar.gz?.E1"".""2L: ","file.tar.gz"?.E1"."2L,!
 write "abcabc?.E1""abc"": ","abcabc"?.E1"abc",!
 write "aXbXc?.E1""X"".E: ","aXbXc"?.E1"X".E,!
 write "ab?.E.E1""b"": ","ab"?.E.E1"b",!
 write "aaa?1.A1.A1.A: ","aaa"?1.A1.A1.A,!
 write "aa?1.A1.A1.A: ","aa"?1.A1.A1.A,!
 write "abab?.(1""a"",1""ab"")1""b"": ","abab"?.(1"a",1"ab")1"b",!
 write "1234?.N1N1N: ","1234"?.N1N1N,!
 quit
