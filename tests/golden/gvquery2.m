gvquery2 ; $QUERY with name indirection, mixed subscripts, starting points
 set ^Q(-1)="m",^Q(0,0)="z",^Q(1.5,"a")="f",^Q("b",1,2,3)="deep"
 set x="^Q" for  set x=$query(@x) quit:x=""  write x,"=",@x," ql=",$qlength(x),!
 write "--",!
 set n="^Q(1.5)" write $query(@n),!
 write $query(^Q("b",1)),!
 write $query(^Q("a")),!
 write "[",$query(^Q("z")),"]",!
 set y=$query(^Q(0)) write y," ",$qsubscript(y,2),!
 set r="^Q" set c=0 for  set r=$query(@r) quit:r=""  set c=c+1
 write "count=",c,!
