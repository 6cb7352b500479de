seqdel1 ; CLOSE DELETE removes the file: a later READONLY open fails
 set $etrap="use $principal write ""trap: "",$piece($zstatus,"","",3,4),! set $ecode="""" quit"
 set f="/tmp/minimgold4-seqdel1.txt"
 open f:(newversion) use f write "data",! close f:(delete)
 use $principal write "deleted",!
 do reopen
 write "end",!
 quit
reopen open f:(readonly) write "not reached",! quit
