errsyn4 ; nothing after a binary operator is GT.M's RHMISSING, trapped
 set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
 do a,b,c
 quit
a set x=(1+ quit
b set x=1+ quit
c write 2* quit
