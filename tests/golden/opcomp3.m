opcomp3 ; comparisons of computed values and numeric strings
 set a="1.0",b=1
 write "a=b: ",a=b," +a=b: ",+a=b," a<2: ",a<2,!
 write "a]b: ",a]b," a]]b: ",a]]b,!
 write "1/3*3=1: ",1/3*3=1,!
 write "2/3*3=2: ",2/3*3=2,!
 write ".1+.2=.3: ",.1+.2=.3,!
 write """abc""<""abd"": ","abc"<"abd",!
 write """B""]""A"": ","B"]"A",!
 write "$c(255)]""z"": ",$c(255)]"z",!
 write """a""]$c(0): ","a"]$c(0),!
 write "-1<-.5: ",-1<-.5,!
 write """-1""<""-.5"": ","-1"<"-.5",!
 write """-1""]""-.5"": ","-1"]"-.5",!
 write """-1""]]""-.5"": ","-1"]]"-.5",!
 write "1E2=100: ",1E2=100,!
 write """100""=1E2: ","100"=1E2,!
 write """1E2""=100: ","1E2"=100,!
 quit
