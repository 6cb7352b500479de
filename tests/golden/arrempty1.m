arrempty1 ; the empty string subscript
 set x(1)=1,x("a")=2
 write "order from empty: ",$order(x("")),!
 write "data x(""""): ",$data(x("")),!
 write "get x(""""): [",$get(x(""),"dflt"),"]",!
 kill x("")
 write "kill x("""") ok",!
 write "order after a: [",$order(x("a")),"]",!
 set x("")=5
 write "x("""")=",x(""),!
 write "data x(""""): ",$data(x("")),!
 set k="" for i=1:1:4 set k=$order(x(k)) write "walk ",i,": [",k,"]",!
 write "reverse from empty: ",$order(x(""),-1),!
 write "query x: ",$query(x),!
 write "query x(""""): ",$query(x("")),!
 set x("",1)="e1"
 write "x("""",1)=",x("",1)," data x(""""):",$data(x("")),!
 quit
