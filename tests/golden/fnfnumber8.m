fnfnumber8 ; $FNUMBER: a bare local as number or codes is read late; undefined codes give FNUMARG
 set $etrap="write $zstatus,! set $ecode="""" quit"
 set x=1234.5
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,t11
 write "end",!
 quit
t1 write $fnumber(x,y),! quit
t2 write $fnumber(x,y,2),! quit
t3 write $fnumber(z,y),! quit
t4 write $fnumber(x,y(1)),! quit
t5 write $fnumber(z,","),! quit
t6 write $fnumber(z(1),y),! quit
t7 write $fnumber(x,y,d),! quit
t8 write $fnumber(x,y,$$f()),! quit
t9 set y="" write $fnumber(x,y),! kill y quit
t10 set y="Q" write $fnumber(z,y),! kill y quit
t11 write $fnumber(x,$get(y)),! quit
f() set y="," quit 2
