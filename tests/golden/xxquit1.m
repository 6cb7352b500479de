xxquit1 ; $QUIT: 1 inside an extrinsic, 0 inside DO and at top level
 write "top: ",$quit,!
 do p
 write "ext: ",$$f,!
 set x=$$g
 write "nested do in ext: ",x,!
 write "both: ",$$both,! do both
 quit
p write "do: ",$quit,! quit
f() quit $quit
g() do p2 quit "g="_$quit
p2 write "do inside extrinsic: ",$quit,! quit
both() quit:$quit "as function" write "as routine",! quit
