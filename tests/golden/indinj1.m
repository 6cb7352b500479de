indinj1 ; argument indirection takes one argument: extra text is INDEXTRACHARS and none of it runs
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11,t12,t13
 write "a=",$get(a),!
 quit
t1 set x="a=1 write ""INJECTED"",!" set @x write "after",! quit
t2 kill a,b set x="a=1,b=2 kill a" set @x quit
t3 set x="1 write ""INJ"",!" write @x quit
t4 set x="a kill b" kill @x quit
t5 set x="a b" new @x quit
t6 set x="t99 write ""INJ""" do @x quit
t7 set x="t99 write ""INJ""" goto @x
t8 set b=1 set x="a=b write ""INJ""" merge @x write $data(a),! quit
t9 set x="a write ""INJ""" read @x quit
t10 set x="a ;comment" set b=1 kill @x write "ok10",! quit
t11 set x="a=5  " set @x write "ok11 ",a,! quit
t12 set x="a=6;c" set @x write "ok12 ",a,! quit
t13 set x="t99" do @x set x="a" new @x write "ok13 ",$data(a),! quit
t99 write "t99",! quit
