indname1 ; name indirection: set @x=, write @y, $data/$get/$order of @
 set x="a" set @x=1
 write "a=",a,!
 set y="a" write "@y=",@y,!
 set z="b(1,2)" set @z="sub"
 write "b(1,2)=",b(1,2),!
 write "@z=",@z," $d(@z)=",$data(@z),!
 set n="c" set @n@(1)=10,@n@(2)=20
 write "c(2)=",c(2)," $o(@n@(1))=",$order(@n@(1)),!
 write "$g(@""nope"",""dflt"")=",$get(@"nope","dflt"),!
 set @("d"_1)="made d1" write "d1=",d1,!
 set v="w" set @v=@x+@y write "w=",w,!
 write "nested: " set p="q",q="r",r="end" write @@p,!
 quit
