indsub1 ; subscript indirection @x@(...)
 set x="arr"
 set @x@(1)="one",@x@(1,2)="one-two"
 write "arr(1)=",arr(1)," arr(1,2)=",arr(1,2),!
 set y="arr(1)"
 write "@y@(2)=",@y@(2),!
 set @y@(3)="one-three" write "arr(1,3)=",arr(1,3),!
 set z=$name(arr(1)) write "$o(@z@(""""))=",$order(@z@("")),!
 set i="" for  set i=$order(@y@(i)) quit:i=""  write "sub ",i,"=",@y@(i),!
 set g="arr(1)" kill @g@(2) write "after kill $d(arr(1,2))=",$data(arr(1,2)),!
 set sub=5 set @x@(sub,sub+1)="calc" write "arr(5,6)=",arr(5,6),!
 write "$d(@x@(5))=",$data(@x@(5)),!
 quit
