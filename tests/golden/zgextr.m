zgextr ; ZGOTO out of extrinsics, nested and from XECUTE
 set lvl=$zlevel,n=0
again set n=n+1 write "try ",n,!
 if n=1 write "value ",$$one,!
 if n=2 write "value ",$$two,!
 if n=3 xecute "write ""x "",$$one,!"
 if n=4 set y=1+$$two write "not here",!
 write "done ",$zlevel,!
 quit
one() zgoto lvl:again
 quit 1
two() quit $$one+1
