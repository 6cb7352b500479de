seqfixed1 ; FIXED sequential files: WRITE pads records with spaces, READ gives records byte for byte
 set f="/tmp/minimgold4-seqfixed1.dat"
 open f:(newversion:fixed:recordsize=4) use f
 write "abcdef",! write "x",! write !,"abcd",!,"efgh","ij",#,"k"
 close f
 ; the whole file as one record: the padding shows, no line ends were written
 open f:(readonly:fixed:recordsize=100) use f read x close f
 write $zwrite(x),!
 ; READ x gives the rest of the current record; READ x#n at most n of it
 open f:(readonly:fixed:recordsize=5) use f
 for  read x quit:$zeof  use $principal write $zwrite(x),"|" use f
 use $principal write " zeof",! close f
 open f:(readonly:fixed:recordsize=5) use f
 for  read x#3 quit:$zeof  use $principal write $zwrite(x),"|" use f
 use $principal write ! close f
 open f:(readonly:fixed:recordsize=4) use f read *x use $principal write x," " use f read x close f
 write $zwrite(x),!
 ; without FIXED, RECORDSIZE bounds the length of a READ
 open f:(readonly:recordsize=3) use f read x#10 close f
 write $zwrite(x),!
 ; bytes of every value, LF and CR included, come back as they were
 open f:(newversion) use f write "ab",!,"cd",$char(13),!,"no-lf" close f
 open f:(readonly:fixed:recordsize=6) use f
 for  read x quit:$zeof  use $principal write $zwrite(x),"|" use f
 use $principal write ! close f:(delete)
 set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""""
 do bad(0),bad(1048577)
 open f:(newversion:fixed:recordsize=1048576) close f:(delete)
 write "done",!
 quit
bad(n) open f:(newversion:fixed:recordsize=n)
 quit
