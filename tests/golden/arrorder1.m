arrorder1 ; $ORDER forward and reverse, from the middle, on sub-levels
 for i=5,1,3,"a","b",-2 set x(i)=i
 set x(3,1)="",x(3,2)=""
 set k="" for  set k=$order(x(k)) quit:k=""  write k," "
 write !
 set k="" for  set k=$order(x(k),-1) quit:k=""  write k," "
 write !
 write "first=",$order(x(""))," last=",$order(x(""),-1),!
 write "after 1: ",$order(x(1))," after 2: ",$order(x(2))," after b: [",$order(x("b")),"]",!
 write "before 3: ",$order(x(3),-1)," before -2: [",$order(x(-2),-1),"]",!
 write "after 3 dir 1: ",$order(x(3),1),!
 write "sub of 3: ",$order(x(3,"")),",",$order(x(3,1)),!
 write "sub of 5: [",$order(x(5,"")),"]",!
 write "after 2.5: ",$order(x(2.5))," after ""1"": ",$order(x("1")),!
 write "after ""aa"": ",$order(x("aa"))," after ""0"": ",$order(x("0")),!
 write "undefined array: [",$order(y("")),"]",!
 quit
