gvquery1 ; $QUERY forward through a whole global
 set ^Q=0,^Q(1)=1,^Q(1,"a")=2,^Q(1,"a",3)=3,^Q(2)=4,^Q("x",1)=5,^Q("x",2,"y")=6
 set r="^Q" for  set r=$query(@r) quit:r=""  write r,"=",@r,!
 write "--",!
 write $query(^Q(1,"a")),!
 write $query(^Q(1,"b")),!
 write $query(^Q(0)),!
 write "[",$query(^Q("x",2,"y")),"]",!
 write "[",$query(^none),"]",!
 set ^R("a b")=1,^R(-1.5)=2,^R("q""q")=3
 set r="^R" for  set r=$query(@r) quit:r=""  write r,!
