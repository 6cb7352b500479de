gvnext1 ; $NEXT of a global: -1 when there is no next subscript, as for a local
 s ^A("b")=1,^A(2)=2 w $next(^A("b")),"|",$next(^A(-1)),"|",$next(^A(2)),"|",$next(^A(""))
 w "|",$next(^A("a")),"|",$next(^C(1)),!
