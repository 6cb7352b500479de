forgoto1 ; GOTO out of a FOR, QUIT in a FOR inside a DO
 for i=1:1:10 goto:i=3 out write i," "
 write "not reached",!
out write !,"out at i=",i,!
 do sub
 write "after sub",!
 set r=$$find(7)
 write "find=",r,!
 for i=1:1:3 do  write "|"
 . quit:i=2
 . write i
 write !
 quit
sub for i=1:1:5 quit:i=3  write "sub i=",i,!
 write "sub after for i=",i,!
 quit
find(n) for k=1:1 if k*k>n quit
 quit k
