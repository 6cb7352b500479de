nulsubscref ; $REFERENCE and the naked indicator after NULSUBSC: GT.M leaves no last reference
 new x
 set ^N(1,1)=1
 set $etrap="do show set $ecode="""" quit"
 do d,e,g,m
 write $reference,!
 set x=^N(1,1) write $reference,!
 quit
show write $piece($zstatus,",",3),"|",$reference,"|",! quit
d set x=^N(1,1) set x=$get(^N("")) quit
e set x=^N(1,1) set ^N("",1)=1 quit
g set x=^N(1,1) set x=$order(^N(1,"",2)) quit
m set x=^N(1,1) do err set x=$get(^(1)) write "naked kept",! quit
err set x=$data(^N("")) quit
