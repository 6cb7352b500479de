zgotozero ; ZGOTO 0 in a routine run from the shell (GT.M): level 1 is left too, so its
 ; NEWs are undone; with a label the run starts there afresh, without one it ends
 set i=100,n=0
b set n=n+1 write "n=",n," i=",i," level=",$zlevel,!
 new i set i=n
 do sub
 write "not reached",!
 quit
sub if n=1 zgoto 1:c
 if n<4 zgoto 0:b
 write "i=",i,!
 zgoto 0
 write "not reached",!
c write "at c, i=",i," level=",$zlevel,!
 goto b
