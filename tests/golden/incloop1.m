incloop1 ; $INCREMENT as a counter in loops and in subscripts
 kill list
 for w="pear","apple","fig" set list($increment(list))=w
 write "count=",list,!
 for i=1:1:list write i,":",list(i),!
 set big=999999999999999999 write "big: ",$increment(big),!
 set f=.1 write "fraction: ",$increment(f,.2),!
 quit
