patcodes1 ; single pattern codes A C E L N P U
 write "abc?3A: ","abc"?3A,!
 write "aBc?3A: ","aBc"?3A,!
 write "abc?3L: ","abc"?3L,!
 write "aBc?3L: ","aBc"?3L,!
 write "ABC?3U: ","ABC"?3U,!
 write "ABc?3U: ","ABc"?3U,!
 write "123?3N: ","123"?3N,!
 write "12a?3N: ","12a"?3N,!
 write "punct?3P: ",".,;"?3P,!
 write "space?1P: "," "?1P,!
 write "a?1P: ","a"?1P,!
 write "tab?1C: ",$char(9)?1C,!
 write "del?1C: ",$char(127)?1C,!
 write "nul?1C: ",$char(0)?1C,!
 write "a?1C: ","a"?1C,!
 write "anything?5E: ","a1.B"_$char(7)?5E,!
 write "~?1P: ","~"?1P,!
 write "_?1P: ","_"?1P,!
 write "number 123?3N: ",123?3N,!
 write "-1?1P1N: ",-1?1P1N,!
 write ".5?1P1N: ",.5?1P1N,!
 write "lowercase codes abc?3a: ","abc"?3a,!
 write "1e?1n1l: ","1e"?1n1l,!
 quit
