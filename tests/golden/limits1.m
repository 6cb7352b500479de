limits1 ; GT.M's limits are M errors raised before anything is allocated
 set $etrap="write $piece($zstatus,"","",3),"" "",$ecode,! set $ecode="""" quit"
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11,t12,t13,t14,t15,t16
 write "end",!
 quit
t1 set x="" set $extract(x,1E18)="a" write $length(x),! quit
t2 set x="" set $piece(x,",",1E12)="a" write $length(x),! quit
t3 set x="" set $piece(x,",,,,,,,,",1E18)="a" write $length(x),! quit
t4 write $length($justify(1,1E18)),! quit
t5 write $length($fnumber(1,"",1E18)),! quit
t6 write $length($justify(1,10,1E18)),! quit
t7 set x="" set $extract(x,1048577)="a" write $length(x),! quit
t8 set x="" set $extract(x,1048576)="a" write $length(x),! quit
t9 write $length($justify(-1,10,1048500)),! quit
t10 write $length($justify(1,10,1048501)),! quit
t11 write $length($fnumber(-1,"",1048510)),! quit
t12 write $length($fnumber(1,"",1048511)),! quit
t13 set a(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31)=1 write "31 ok",! quit
t14 set a(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32)=1 write "32 ok",! quit
t15 set x="a(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31)" set @x@(32)=1 write "32 ind ok",! quit
t16 set x="" set $extract(x,5,1E18)="a" write $length(x),! quit
