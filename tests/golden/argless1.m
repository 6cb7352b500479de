argless1 ;
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:43 do @("t"_i)
 quit
t1 write
t2 set
t3 read
t4 xecute
t5 hang
t6 merge
t7 view
t8 use
t9 open
t10 close
t11 job
t12 goto
t13 zkill
t14 zmessage
t15 zbreak
t16 zallocate
t17 write:1
t18 set:1
t19 write  1
t20 set  x=1
t21 read  x
t22 merge  a=b
t23 zkill  x
t24 goto  x
t25 job  x
t26 zbreak  x
t27 zallocate  x
t28 set ;c
t29 write ;c
t30 goto ;c
t31 new  x
t32 lock  x
t33 do:1  x
t34 if:1 1
t35 else:1
t36 for:1 j=1:1:2 write j
t37 write "a" if:1 1
t38 quit:0  1
t39 open  x
t40 view  x
t41 hang  0
t42 write 1  ;c
t43 if 1  write "b"
