mrgref1 ; MERGE with by-reference parameters and into a NEWed variable
 set src(1)="one",src(2,1)="two-one"
 do cp(.dst,.src)
 write "dst(2,1)=",dst(2,1),!
 do nw
 write "after nw $d(t)=",$data(t),!
 quit
cp(d,s) merge d=s quit
nw new t merge t=src write "nw t(1)=",t(1),! quit
