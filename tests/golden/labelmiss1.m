labelmiss1 ; a label looked up at run time and missing: LABELMISSING naming it (GT.M)
 set $etrap="write $zstatus,! set $ecode="""" quit"
 do a,b,c,d,e,f,g,h,i,j
 write "done",!
 quit
a set x="zz" write $$@x,! quit
b set x="t^labelmiss1" write $$@x,! quit
c set x="zz" write $$@x^labelmiss1,! quit
d set x="zz" do @x quit
e set x="zz",y="labelmiss1" write $$zz^@y,! quit
f write $$zz^labelmiss1,! quit
g do zz^labelmiss1 quit
h xecute "do zz" quit
i xecute "write $$zz,!" quit
j do zz quit
t() quit 1
