fnargs1 ;
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:40 do @("t"_i)
 quit
t1 write $piece("a")
t2 write $extract()
t3 write $select(1)
t4 write $find("a")
t5 write $translate()
t6 write $justify(1)
t7 write $length(1,2,3)
t8 write $ascii("a",1,,2)
t9 write $piece("a",",",1,2,3)
t10 write $extract("a",1,2,3)
t11 write $fnumber(1)
t12 write $qsubscript("x")
t13 write $qsubscript("x",1,)
t14 write $stack(1,2,3)
t15 write $zdate(1,2,3,4,5)
t16 write $zbitset("x",1)
t17 write $zbitand("x")
t18 write $zgetjpi(1)
t19 write $zcollate("x")
t20 write $zatransform("x")
t21 write $zjobexam(1,2,3)
t22 write "a",$piece("b",1)_$piece("c")
t23 write $piece("a",1
t24 write $piece("a"
t25 write $text(a
t26 write $select(1:2
t27 write $select(1:2,3:4
t28 write $select(1:2,3
t29 write $select(1:2,3)
t30 write (1
t31 write x(1
t32 write 1+(2
t33 write $$f(1
t34 do f(1
t35 set x=$piece("a",$piece("b"
t36 write:0 $piece("a")
t37 if 0 write $piece("a")
t38 write $translate("abc"),$zsubstr("abcd"),$zsubstr("abcd",2)
t39 write $zbitlen($zbitstr(3)),$qsubscript("x(1)",1),$fnumber(1,"",2)
t40 write $piece("a,b",",",2),$extract("abc",2,3),$select(0:1,1:2)
