opcomp1 ; = and '= compare strings exactly, after numeric conversion only of the operands' values
 write """10""=10: ","10"=10,!
 write """10.0""=10: ","10.0"=10,!
 write """10.0""+0=10: ","10.0"+0=10,!
 write "10.0=10: ",10.0=10,!
 write """01""=1: ","01"=1,!
 write """abc""=""abc"": ","abc"="abc",!
 write """abc""=""ABC"": ","abc"="ABC",!
 write """""="""": ",""="",!
 write """""=0: ",""=0,!
 write "1/3=.333333333333333333: ",1/3=.333333333333333333,!
 write """1E1""=10: ","1E1"=10,!
 write "1E1=10: ",1E1=10,!
 write "-0=0: ",-0=0,!
 write """-0""=0: ","-0"=0,!
 write "'=: 1'=2 ",1'=2,!
 write "'=: ""a""'=""a"" ","a"'="a",!
 write "'=: ""5""'=5 ","5"'=5,!
 write ".5=""0.5"": ",.5="0.5",!
 write ".5="".5"": ",.5=".5",!
 quit
