gvmerge2 ; MERGE with overlapping subtrees -> MERGEDESC
 set ^X(1)=1,^X(1,2)=12,^X(1,2,3)=123
 do try("merge ^X(1)=^X(1,2)")
 do try("merge ^X(1,2)=^X(1)")
 do try("merge ^X(1)=^X(1)")
 zwrite ^X
 write "--",!
 do try("merge ^X(5)=^X(1,2)")
 zwrite ^X(5,*)
 quit
try(cmd) ;
 new $etrap set $etrap="write $zstatus,! set $ecode="""" quit"
 write cmd,!
 xecute cmd
 write "ok",!
 quit
