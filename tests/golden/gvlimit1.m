gvlimit1 ; key size limit (GVSUBOFLOW) exact boundaries
 new ok,len
 set ok=0 for len=50:1:70 quit:'$$try("^X",len)  set ok=len
 write "^X(s): longest ok=",ok,!
 set ok=0 for len=40:1:70 quit:'$$try("^ABCDEFGH",len)  set ok=len
 write "^ABCDEFGH(1,s): longest ok=",ok,!
 set s=$justify("",59),^X(s)=1 write $length($order(^X(""),-1)),!
 write $$try("^X",60),!
 write $$rd($justify("",60)),!
 set ^N(123456789012345678)=1 write $order(^N("")),!
 quit
try(g,len) ;
 new $etrap set $etrap="write len,"": "",$piece($piece($zstatus,"","",3),""-"",3),"" ECODE="",$ecode,! set $ecode="""" quit 0"
 if g="^X" set ^X($justify("",len))=1 quit 1
 set ^ABCDEFGH(1,$justify("",len))=1 quit 1
rd(s) ;
 new $etrap set $etrap="set $ecode="""" quit ""read: ""_$piece($piece($zstatus,"","",3),""-"",3)"
 quit "read $data="_$data(^X(s))
