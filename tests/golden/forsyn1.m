forsyn1 ; a syntax error later on a FOR line is raised before the loop runs (GT.M compiles the line first)
 set $etrap="write $piece($zstatus,"","",3),"" "",$ecode,! set $ecode="""" quit"
 do t1,t2,t3,t4,t5
 write "end",!
 quit
t1 for i=1:1 write i,! write 1+
 quit
t2 write "a" for i=1:1:3 write i,! write 1+
 quit
t3 for i=1:1:3 write i,! quit:i=2  write $$$
 quit
t4 for i=1:1:3 write i,! quit:i=2  bogus 1
 quit
t5 for  for j=1:1 write j quit:j>2  write 2*
 quit
