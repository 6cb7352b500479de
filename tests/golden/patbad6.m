patbad6 ; a bad pattern fails at its command with GT.M's error for it (PATCODE, PATCLASS, PATLIT, PATUPPERLIM, COMMAORRPAREXP)
 set $etrap="write $piece($zstatus,"","",2,3),"" "",$ecode,! set $ecode="""" quit"
 for i=1:1:26 do @("t"_i)
 quit
t1 write "a" write "x"?2z
t2 write "x"?1.
t3 write "x"?(1N
t4 write "x"?2"a
t5 write "x"?.N,
t6 write "x"?1(N,"a"
t7 write "x"?3.2N
t8 write "x"?1
t9 write "x"?N
t10 write "x"?1N2
t11 write "x"?1()
t12 write "x"?1(,N)
t13 write "x"?1(1N 2A)
t14 write "x"?1.3(1N,1A
t15 write "x"?1(1N,"a)
t16 write "x"?1"a"1
t17 write "x"?1..N
t18 write "x"?-1N
t19 write "x"?1yab
t20 write "x"?1(3.2N)
t21 write "x"?1N)
t22 write "x"?1N(1A)
t23 write "b","x"?1(1Z)
t24 write "x"?5.3"a"
t25 write "x"?
t26 write "x"?1"a"b
