gvkill1 ; KILL of nodes, subtrees, whole globals
 set ^K=0,^K(1)=1,^K(1,1)=11,^K(1,2)=12,^K(2)=2,^K(2,1)=21
 kill ^K(1,1)
 zwrite ^K
 write "--",!
 kill ^K(1)
 zwrite ^K
 write "--",!
 kill ^K
 write $data(^K),!
 set ^L(1)=1,^M(1)=1,^N=1
 kill ^L,^M(1)
 write $data(^L),$data(^M),$data(^N),!
 kill ^nothere(1,2,3)
 write $data(^nothere),!
