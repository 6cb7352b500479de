opcontain1 ; contains [ and '[
 write """abc""[""b"": ","abc"["b",!
 write """abc""[""d"": ","abc"["d",!
 write """abc""["""": ","abc"["",!
 write """""["""": ",""["",!
 write """""[""a"": ",""["a",!
 write """abc""[""abc"": ","abc"["abc",!
 write """abc""[""abcd"": ","abc"["abcd",!
 write "12345[34: ",12345[34,!
 write "1.50[""0"": ",1.50["0",!
 write """1.50""[""0"": ","1.50"["0",!
 write """ABC""[""b"": ","ABC"["b",!
 write """abc""'[""b"": ","abc"'["b",!
 write """abc""'[""z"": ","abc"'["z",!
 write """abc""'["""": ","abc"'["",!
 write "-5[""-"": ",-5["-",!
 write ".5[0: ",.5[0,!
 quit
