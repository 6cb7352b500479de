writeconcat ; WRITE of a concatenation writes its operands one by one (unless it starts with "(")
 set $etrap="write ""<"",$zstatus,"">"",! set $ecode="""" quit"
 set a="abc"
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11,t12,t13,t14,t15,t16
 write "end",!
 quit
t1 write $reverse(a)_b,! quit
t2 write "x",$reverse(a)_b,! quit
t3 write a_$$f_$$f,! quit
t4 write "lit"_b,! quit
t5 write (a_b),! quit
t6 write a_(a_b),! quit
t7 write (a_a)_b,! quit
t8 write 'a_b,! quit
t9 write a_b=1,! quit
t10 write @"a_b",! quit
t11 write a_(a_a)_b,! quit
t12 write (a)_b,! quit
t13 write a_(a+1)_b,! quit
t14 write ""_(a_a)_b,! quit
t15 write (a_a)_a_b,! quit
t16 write a_a,?10,$x,! quit
f() write "[in f]" quit "F"
