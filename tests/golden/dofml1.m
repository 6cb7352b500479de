dofml1 ; DO a label with a formal list but no actual list, and $TEST around DO with args
 set x="outer"
 do lab
 write "after do lab x=",x,!
 do lab("given")
 write "after do lab(given) x=",x,!
 if 1 do tf(0)
 write "T after do tf(0): ",$test,!
 if 0
 do tf(1)
 write "T after do tf(1): ",$test,!
 quit
lab(x) write "in lab x data=",$data(x) write:$data(x) " x=",x write !
 quit
tf(v) if v
 quit
