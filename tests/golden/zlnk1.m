zlnk1 ; ZLINK reloads a routine after its file changed
 new f set f="/tmp/zlnkgold1.m"
 do make("first version") zlink f do ^zlnkgold1
 do make("second version") zlink f do ^zlnkgold1
 write $$ver^zlnkgold1(),!
 open f close f:(delete)
 quit
make(text) open f:(newversion) use f
 write "zlnkgold1 write ""running the ",text,""",! quit",!
 write "ver() quit """,text,"""",!
 close f use $principal
 quit
