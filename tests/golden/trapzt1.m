trapzt1 ; $ZTRAP: runs at the level of the error; QUIT from there returns to the caller
 set $ztrap="write ""ztrap at "",$stack,"" "",$piece($zstatus,"","",2,3),! quit"
 do a
 write "top after a",!
 quit
a write "a start",!
 do b
 write "a after b",!
 quit
b set x=nosuch
 write "b not reached",!
 quit
