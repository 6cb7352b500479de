gvmerge3 ; MERGE with overlapping subtrees is an error
 set $etrap="write $zstatus,! set $ecode="""" quit"
 set ^x(1)=1,^x(1,2)=12,^x(1,2,3)=123
 do m1 write "after m1",! zwrite ^x
 do m2 write "after m2",! zwrite ^x
 do m3 write "after m3",!
 do m4 write "after m4",! zwrite ^x
 quit
m1 merge ^x(1)=^x(1,2) quit
m2 merge ^x(1,2)=^x(1) quit
m3 merge ^x=^x quit
m4 merge ^x(1,2)=^x(1,2) write "self ok",! quit
