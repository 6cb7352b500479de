zwall1 ; ZWRITE ordering: names in M collation, subscripts numeric before string, inside NEW
 kill
 set B=1,a=2,A=3,b=4,%x=5,z(10)=1,z(9)=2,z("a")=3,z(-1)=4,z(.5)=5,z("")=6
 zwrite
 write "--",!
 do p
 quit
p new (a,z) set y=9 zwrite
 quit
