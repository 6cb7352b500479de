gvind1 ; indirection with globals
 set @"^g(1)"=2 write ^g(1),!
 set x="^g" write @x@(1),!
 set @x@(2,3)="deep",@x="top"
 write $order(@x@("")),"|",$order(@x@(""),-1),!
 write $data(@x),$data(@x@(2)),"|",$get(@x@(9),"dflt"),"|",$get(@"^g(2,3)"),!
 set y="^g(2)" write $query(@y),"|",$order(@y@("")),!
 set n="x",m=@n write @m@(1),"|",@@n,!
 set a="^g(1)",@a=@a+1 write ^g(1),!
 set z="^g(5)",w="^g(6)" set (@z,@w)=7 zwrite ^g
 kill @x write $data(^g),!
 set x="^h",@x@("a","b")=1 kill @x@("a") write $data(^h),!
 set nm="^g(""k"")" set @nm=1 write $name(@nm@(2)),!
 quit
