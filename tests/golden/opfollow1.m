opfollow1 ; follows ] and '] (string collation by character code)
 write """b""]""a"": ","b"]"a",!
 write """a""]""b"": ","a"]"b",!
 write """a""]""a"": ","a"]"a",!
 write """ab""]""a"": ","ab"]"a",!
 write """a""]"""": ","a"]"",!
 write """""]"""": ",""]"",!
 write """""]""a"": ",""]"a",!
 write """a""]""B"": ","a"]"B",!
 write "10]9: ",10]9,!
 write "9]10: ",9]10,!
 write """abc""]""abd"": ","abc"]"abd",!
 write """Z""]""a"": ","Z"]"a",!
 write """b""']""a"": ","b"']"a",!
 write """a""']""b"": ","a"']"b",!
 write """a""']""a"": ","a"']"a",!
 write "2]1.5: ",2]1.5,!
 write "-1]1: ",-1]1,!
 quit
