gvind2 ; name and subscript indirection in $DATA, $GET, $QUERY, $ORDER, KILL, MERGE
 set ^i(1,"a")=1,^i(1,"b")=2,^i(2)=3
 set g="^i",s="1,""a""",t="^i(1)"
 write $data(@g),$data(@t),$data(@g@(2)),$data(@("^i("_s_")")),!
 write $get(@t@("b")),"|",$get(@g@(9),"none"),"|",$get(@"^zz","nz"),!
 write $query(@g),"|",$query(@t@("a")),"|",$order(@t@("")),!
 set r="" for  set r=$order(@t@(r)) quit:r=""  write r,"=",@t@(r)," "
 write !
 set q=g for  set q=$query(@q) quit:q=""  write q," "
 write !
 merge @("^j")=@t zwrite ^j
 kill @t@("a") write $data(^i(1,"a")),!
 set c="zwrite ^i" xecute c
 set v="^i(2)",@v=@v*10 write ^i(2),!
 set k="^i" kill @k write $data(^i),!
 quit
