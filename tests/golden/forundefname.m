forundefname ; UNDEF of a FOR control variable names its string subscripts bare
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do t1,t2,t3,t4
 quit
t1 for i(1,"abc",3)=1:1:2 kill i
 quit
t2 for i("x y")=1:1:2 kill i
 quit
t3 for i=1:1:2 kill i
 quit
t4 set s="a""b" for i(s,2.50)=1:1:2 kill i
 quit
