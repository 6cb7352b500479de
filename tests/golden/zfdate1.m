zfdate1 ; $ZDATE default and common formats on fixed $HOROLOG values
 write "66000: ",$zdate(66000),!
 write "YEAR-MM-DD: ",$zdate(66000,"YEAR-MM-DD"),!
 write "DD-MON-YEAR: ",$zdate(66000,"DD-MON-YEAR"),!
 write "MM/DD/YEAR: ",$zdate(66000,"MM/DD/YEAR"),!
 write "DAY: ",$zdate(66000,"DAY"),!
 write "1: ",$zdate(1),!
 write "0: ",$zdate(0),!
 write "58074: ",$zdate(58074,"YEAR-MM-DD"),!
 write "59960: ",$zdate(59960,"YEAR-MM-DD"),!
 write "60000 MON DD, YEAR: ",$zdate(60000,"MON DD, YEAR"),!
 write "YY: ",$zdate(66000,"MM/DD/YY"),!
 write "1 format: ",$zdate(66000,1),!
 write "2 format: ",$zdate(66000,2),!
 quit
