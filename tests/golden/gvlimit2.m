gvlimit2 ; record size limit (REC2BIG) exact boundaries
 new ok,len
 set ok=0 for len=200:1:300 quit:'$$try("^R",len)  set ok=len
 write "^R value: longest ok=",ok,!
 set ok=0 for len=200:1:300 quit:'$$try("^R(1)",len)  set ok=len
 write "^R(1) value: longest ok=",ok,!
 set ok=0 for len=200:1:300 quit:'$$try("^RRRRRRRR(""abcdefghij"")",len)  set ok=len
 write "^RRRRRRRR(""abcdefghij"") value: longest ok=",ok,!
 write $data(^R(1)),":",$length(^R(1)),!
 set ^R(2)=$justify("",10)
 write $$ext,!
 write $length(^R(2)),!
 quit
try(g,len) ;
 new $etrap set $etrap="write len,"": "",$piece($piece($zstatus,"","",3),""-"",3),"" ECODE="",$ecode,! set $ecode="""" quit 0"
 set @g=$justify("",len)
 quit 1
ext() ;
 new $etrap set $etrap="set $ecode="""" quit ""extend: ""_$piece($piece($zstatus,"","",3),""-"",3)"
 set $extract(^R(2),300)="x"
 quit "extended"
