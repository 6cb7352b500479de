fornest1 ; nested FOR on one line, FOR with DO inside
 for i=1:1:3 for j=1:1:2 write i,j," "
 write !,"i=",i," j=",j,!
 for i=1:1:3 for j=1:1:3 quit:j>i  write i,j," "
 write !
 for i=1:1:3 do sub(i)
 for i=1:1:2 do
 . for j=1:1:2 do
 . . write "(",i,",",j,")"
 . write " end i=",i,!
 set n=0 for i=1:1:4 for j=1:1:4 set n=n+1
 write "n=",n,!
 quit
sub(x) write "sub x=",x,!
 quit
