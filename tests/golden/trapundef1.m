trapundef1 ; $ZSTATUS and $ECODE for several error kinds
 set $etrap="write $ecode,"" "",$piece($zstatus,"","",2,9),! set $ecode="""" quit"
 do e1,e2,e3,e4,e5,e6,e7
 quit
e1 write nosuch quit
e2 set a(1)=1 write a(2) quit
e3 do nolabel quit
e4 set x=$extract("abc",1,2,3) quit
e5 set x="" set @x=1 quit
e6 new ab set x=ab quit
e7 set x=$piece() quit
