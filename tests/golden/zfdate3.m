zfdate3 ; $ZDATE errors and edge cases, trapped
 set $etrap="write ""trap: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do e1,e2,e3,e4,e5
 quit
e1 write "format 3: ",$zdate(66000,3),! quit
e2 write "mixed case Mon: ",$zdate(66000,"DD-Mon-YEAR"),! quit
e3 write "negative: ",$zdate(-1),! quit
e4 write "literal text: ",$zdate(66000,"YEAR/MM/DD"),! quit
e5 write "empty format: ",$zdate(66000,""),! quit
