seqerr1 ; OPEN READONLY of a missing file is an error; trapped, with $ZSTATUS pieces 3 and 4
 set $etrap="use $principal write ""trap: "",$piece($zstatus,"","",3,4),! set $ecode="""" quit"
 do a
 write "after a",!
 quit
a open "/tmp/minimgold4-seqerr1-missing.txt":(readonly)
 write "not reached",!
 quit
