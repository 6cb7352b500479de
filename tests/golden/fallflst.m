; Falling into a label with a formal list, and too many actuals: where GT.M raises each
; (the place in $ZSTATUS, the frame whose trap runs).
 set $etrap="write $zstatus,! set $ecode="""" quit"
 new x
 do f(.x)
 write "after f",!
 do lab(1) write "back1",!
 do lab^fallflst(1,2,3) write "back2",!
 set r="lab(1,2,3)" do @r write "back3",!
 do t4 write "back4",!
 set n=0
 do again
 write "n=",n,!
 quit
f(y)
g(z)
 quit
t4 do lab(1,2,3) write "not here",! quit
lab(a,b) write "in lab ",$data(a),$data(b),! quit
again new $etrap set $etrap="write $zstatus,! set $ecode="""" set n=n+1 if n<4 do b(n)"
 write 1/0
 quit
b(v)
 write "in b ",v,!
c(w)
 quit
