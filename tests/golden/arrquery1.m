arrquery1 ; $QUERY on explicit references (no indirection)
 set x=0,x(1)=1,x(1,2)=12,x(1,2,3)=123,x(1,"a")="1a",x(2)=2,x("s","t")="st",x("q""u")=3
 write "1: ",$query(x),!
 write "2: ",$query(x(1)),!
 write "3: ",$query(x(1,2)),!
 write "4: ",$query(x(1,2,3)),!
 write "5: ",$query(x(1,"a")),!
 write "6: ",$query(x(2)),!
 write "7: ",$query(x("q""u")),!
 write "8: [",$query(x("s","t")),"]",!
 write "9: ",$query(x("")),!
 write "10: ",$query(x(1.5)),!
 write "11: ",$query(x(1,"")),!
 write "12: ",$query(x(0,5)),!
 write "13: [",$query(y),"]",!
 write "14: ",$query(x(-1)),!
 set y(-1.5,"a b")=1
 write "15: ",$query(y),!
 quit
