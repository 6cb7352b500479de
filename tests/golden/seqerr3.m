seqerr3 ; OPEN with a timeout on a missing file still errors; READ past end raises IOEOF on the next read
 set $etrap="use $principal write ""trap: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 do a
 set f="/tmp/minimgold4-seqerr3.txt"
 open f:(newversion) use f write "x",! close f
 do b
 open f close f:(delete)
 quit
a open "/tmp/minimgold4-seqerr3-missing.txt":(readonly):1
 use $principal write "a: $test=",$test,!
 quit
b open f:(readonly) use f read l1 read l2 set e=$zeof read l3
 use $principal write "b: l1=",l1," zeof=",e,!
 quit
