synitem1 ; a missing argument or list item is the error GT.M names for the command: EXPR, VAREXPECTED, LKNAMEXPECTED or RWARG
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:36 do @("t"_i)
 quit
t1 write "a" write 1,,2
t2 if 1,,2
t3 hang 0,,1
t4 write $extract("a",,1)
t5 set x=1,,y=2
t6 kill x,,y
t7 new x,,y
t8 kill (a,^b)
t9 write ,1
t10 set ,x=1
t11 set x=1,
t12 set x=1,,
t13 set (a,,b)=1
t14 set x=,
t15 kill (a,b,)
t16 new (a,^b)
t17 new ()
t18 lock a,,b
t19 lock +(a,1)
t20 read x,,y
t21 merge a=b,,c=d
t22 merge a=
t23 zwrite a,,b
t24 for i=1,,2 write i
t25 for i=)
t26 write $piece(,)
t27 write x(,1)
t28 set x(1,,2)=1
t29 write 1)
t30 set x(1))=2
t31 write -)
t32 write 'x)
t33 set x=1 kill (
t34 new (a
t35 zkill x,)
t36 set x=1=)
