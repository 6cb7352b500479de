patlit1 ; string literals in patterns
 write "555-1234?3N1""-""4N: ","555-1234"?3N1"-"4N,!
 write "5551234?3N1""-""4N: ","5551234"?3N1"-"4N,!
 write "abc?1""abc"": ","abc"?1"abc",!
 write "abcabc?2""abc"": ","abcabc"?2"abc",!
 write "abcab?2""abc"": ","abcab"?2"abc",!
 write "---?.""-"": ","---"?."-",!
 write """""?.""-"": ",""?."-",!
 write "12:30?1.2N1"":""2N: ","12:30"?1.2N1":"2N,!
 write "a""b?1""a""1""""""""1""b"": ","a""b"?1"a"1""""1"b",!
 write """""?1"""": ",""?1"",!
 write """""?."""": ",""?."",!
 write "x?1"""": ","x"?1"",!
 write "x?1"""".""x"": ","x"?1"".1"x",!
 write "A?1""a"": ","A"?1"a",!
 write "(1)?1""(""1N1"")"": ","(1)"?1"("1N1")",!
 write "3.14?1N1"".""2N: ","3.14"?1N1"."2N,!
 write "3.14 as number?1N1"".""2N: ",3.14?1N1"."2N,!
 write "3.10 as number?1N1"".""2N: ",3.10?1N1"."2N,!
 quit
