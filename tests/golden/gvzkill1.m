gvzkill1 ; ZKILL and ZWITHDRAW remove only the node's value
 set ^z=0,^z(1)=1,^z(1,1)=11,^z(2)=2
 zkill ^z(1)
 write $data(^z(1))," ",$data(^z(1,1)),!
 zwithdraw ^z
 write $data(^z),!
 zwrite ^z
 zkill ^z(2) write $data(^z(2)),!
 zkill ^z(9,9) write $data(^z(9,9)),!
 zkill ^z(1,1) write $data(^z(1)),$data(^z),!
 do zw
 write "end",!
 quit
zw new $etrap set $etrap="write $zstatus,! set $ecode="""" quit"
 zwrite ^z
 quit
