limits2 ; $ZDATE's date range (ZDATEBADDATE) and $ORDER's direction (ORDER2) as GT.M
 set $etrap="write $piece($zstatus,"","",3,9),"" "",$ecode,! set $ecode="""" quit"
 set x(1)=1,x(2)=2
 do t1,t2,t3,t4,t5,t6,t7,t8,t9,t10
 write "end",!
 quit
t1 write $zdate(-365),! quit
t2 write $zdate(-366),! quit
t3 write $zdate(2980013,"YEAR-MM-DD"),! quit
t4 write $zdate(364570089),! quit
t5 write $zdate(1E18),! quit
t6 write $order(x(""),2),! quit
t7 write $order(x(""),0),! quit
t8 write $order(x(""),"-1"),"|",! quit
t9 write $order(x(""),1.5),"|",! quit
t10 write $order(x(1),"1"),"|",$order(x(""),-1.0),! quit
