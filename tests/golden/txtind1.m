txtind1 ; $TEXT with indirection and as data tables
 set l="data" write "@l: ",$text(@l),!
 set e="data+2" write "@e: ",$text(@e),!
 for i=1:1 set t=$text(data+i) quit:t=""  quit:$piece(t,";",3)="end"  write "row ",i,": ",$piece(t,";",3),"=",$piece(t,";",4),!
 write "offset var: ",$text(data+$length("ab")),!
 quit
data ; table
 ;;apple;red
 ;;banana;yellow
 ;;cherry;dark red
 ;;end
