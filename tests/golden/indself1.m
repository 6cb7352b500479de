indself1 ; self-referential indirection is STACKCRIT (counted by the interpreter, never a crash)
 set $etrap="write $piece($zstatus,"","",3),"" "",$ecode,! set $ecode="""" quit"
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11,t12,t13
 write "end",!
 quit
t1 set x="@x" write @x quit
t2 set x="@x" write $get(@x) quit
t3 set x="@x" write $data(@x) quit
t4 set x="@x" write $order(@x) quit
t5 set x="@x" do @x quit
t6 set x="@x" goto @x
t7 set x="@x" kill @x quit
t8 set x="@x" new @x quit
t9 set x="@y",y="@x" write @x quit
t10 set x="@x" set @x=1 quit
t11 set x="@x" set y=@x quit
t12 set x="@x" merge @x quit
t13 set x="@x(1)" write @x quit
