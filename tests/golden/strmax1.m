strmax1 ; strings past GT.M's 1 MiB limit: concatenation, SET $PIECE and SET $EXTRACT give MAXSTRLEN
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 do a,b,c
 quit
a set x=$justify("",1048576) write $length(x),! set y=x_"a" write "no error",! quit
b set x=$justify("",1048575) set $piece(x,"^",3)="ab" write "piece ",$length(x),! quit
c set x="" set $extract(x,1048577)="z" write "extract ",$length(x),! quit
