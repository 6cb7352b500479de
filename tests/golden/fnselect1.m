fnselect1 ; $SELECT: the first true condition wins
 write $select(1:"a",1:"b"),!
 write $select(0:"a",1:"b"),!
 write $select(0:"a",0:"b",1:"c"),!
 write $select("1abc":"str true",1:"x"),!
 write $select("abc":"no",1:"abc is false"),!
 write $select(.1:"point one true",1:"x"),!
 write $select("0.0":"no",1:"0.0 is false"),!
 write $select(-1:"minus one true",1:"x"),!
 for i=1:1:4 write i,"=",$select(i=1:"one",i=2:"two",i=3:"three",1:"many"),!
 set x=5 write $select(x>3:x*2,1:x),!
 write $select(1:1/3),!
 write $select(0:1,1:"")_"|",!
 write $s(1:"abbrev"),!
 quit
