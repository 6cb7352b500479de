indirectnul ; indirection text may end in one NUL byte, taken as its end
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do t1,t2,t3,t4,t5,t6
 quit
t1 set ivar="IVAR5678"_$c(65,0,2,65) set @ivar=ivar write "t1 ok",! quit
t2 set ivar="IVAR5678"_$c(0) set @ivar=1 write "t2 ok",! zwrite IVAR5678 quit
t3 set ivar="AB"_$c(0) write @ivar,! quit
t4 set x="y=5"_$c(0) set @x write y,! quit
t5 set x="1+2"_$c(0) write @x,! quit
t6 set x="a"_$c(0),a="A" write $get(@x),! quit
