zfdate2 ; $ZDATE with times
 write "default: ",$zdate("66000,3661"),!
 write "24:60:SS: ",$zdate("66000,3661","24:60:SS"),!
 write "12:60AM: ",$zdate("66000,46800","12:60AM"),!
 write "full: ",$zdate("66000,45296","YEAR-MM-DD 24:60:SS"),!
 write "midnight: ",$zdate("66000,0","24:60:SS"),!
 write "last second: ",$zdate("66000,86399","24:60:SS"),!
 write "morning 12h: ",$zdate("66000,3600","12:60 AM"),!
 write "noon 12h: ",$zdate("66000,43200","12:60 AM"),!
 write "mon/day names: ",$zdate(66000,"DAY, MON DD"),!
 write "month names arg: ",$zdate(66000,"MON",",A,B,C,D,E,F,G,H,I,J,K,L"),!
 write "day names arg: ",$zdate(66000,"DAY","","Su,Mo,Tu,We,Th,Fr,Sa"),!
 quit
