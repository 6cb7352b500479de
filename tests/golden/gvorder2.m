gvorder2 ; $ORDER on deeper levels, including ^X(1,"")
 set ^X(1)=1,^X(1,"a")=1,^X(1,"b")=2,^X(1,"b",5)=3,^X(1,"b",7)=4,^X(2,3)=5,^X(3)=6
 write "[",$order(^X(1,"")),"]",!
 write "[",$order(^X(1,""),-1),"]",!
 write "[",$order(^X(1,"a")),"]",!
 write "[",$order(^X(1,"b")),"]",!
 write "[",$order(^X(1,"b","")),"]",!
 write "[",$order(^X(1,"b",""),-1),"]",!
 write "[",$order(^X(3,"")),"]",!
 write "[",$order(^X(9,"")),"]",!
 write "[",$order(^X(2,3,"")),"]",!
 set a="" for  set a=$order(^X(a)) quit:a=""  set b="" for  set b=$order(^X(a,b)) quit:b=""  write a,",",b," "
 write !
