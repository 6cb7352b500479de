seqerr2 ; OPEN of a missing file untrapped: status and message
 write "start",!
 open "/tmp/minimgold4-seqerr2-missing/x.txt":(readonly)
 write "not reached",!
 quit
