arrays ; Local arrays and $ORDER:   minim examples/arrays.m
 ; Any variable can have subscripts; the nodes are kept sorted: numbers first, in numeric
 ; order, then strings, in byte order. There is nothing to declare or size.
 set stock("pear")=7,stock("apple")=12,stock("fig")=0
 ; $ORDER gives the next subscript after the one given; "" starts the walk and ends it.
 set fruit=""
 for  set fruit=$order(stock(fruit)) quit:fruit=""  write fruit,": ",stock(fruit),!
 ; $ORDER(x,-1) walks backwards.
 set fruit="" for  set fruit=$order(stock(fruit),-1) quit:fruit=""  write fruit," "
 write !
 ; Numbers collate as numbers, before strings.
 for key=10,9,100,-1,2.5,"ten" set n(key)=""
 set key="" for  set key=$order(n(key)) quit:key=""  write key," "
 write !
 ; Subscripts nest: a node can have a value and children. $DATA tells which:
 ; 0 nothing, 1 a value, 10 children, 11 both.
 set tree("a")="top",tree("a",1)="one",tree("b",2)="two"
 write $data(tree("a"))," ",$data(tree("b"))," ",$data(tree("b",2))," ",$data(tree("c")),!
 ; ZWRITE shows every node; KILL removes a node and all below it.
 kill tree("b")
 zwrite tree
 quit
