gvindir1 ; indirection with globals
 set @"^G(1)"=2
 write ^G(1),!
 set x="^G" write @x@(1),!
 set @x@(2,"a")=3,@x@(3)=4
 write $order(@x@("")),"|",$order(@x@(""),-1),"|",$order(@x@(2,"")),!
 write $data(@x),$data(@x@(2)),$data(@"^G(3)"),!
 write $get(@x@(9),"none"),"|",$get(@"^G(1)"),!
 write $query(@x),"|",$query(@x@(1)),!
 set y="^G(2)" write $query(@y),"|",$data(@y@("a")),!
 set n=$name(@x@(5,6)) write n,!
 set @n=56 write @n,!
 kill @x@(2)
 zwrite @x
 set z="^H(""k"")",@z=1
 zwrite ^H
 kill @x
 write $data(^G),!
 set v="^G(7)" set @v=$increment(@v)+1 write ^G(7),!
 merge @"^M"=@"^H" zwrite ^M
 set cmd="set ^J(1)=""xec""" xecute cmd write ^J(1),!
