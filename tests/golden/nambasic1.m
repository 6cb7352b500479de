nambasic1 ; $NAME forms
 set x=5,s="str"
 write $name(a),!
 write $name(a(1,2)),!
 write $name(a(x,s)),!
 write $name(a("x""y")),!
 write $name(a(1.50,"01",-0.5)),!
 write $name(^g(1)),!
 write $name(a(1,2,3),2),!
 write $name(a(1,2,3),0),!
 write $name(a(1,2,3),5),!
 set r="b(7)" write $name(@r),!
 write $name(@r@(8)),!
 write $name(a(1E3,.1)),!
 quit
