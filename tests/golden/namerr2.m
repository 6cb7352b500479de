namerr2 ; $QSUBSCRIPT with a negative position below -1 and invalid names
 set $etrap="write ""trap: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do e1,e2,e3
 quit
e1 write $qsubscript("a(1)",-2),! quit
e2 write $qsubscript("1a",1),! quit
e3 write $name(a,-1),! quit
