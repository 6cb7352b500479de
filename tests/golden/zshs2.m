zshs2 ; ZSHOW "S" into a local, inside an XECUTE and an indirect DO
 set r="a" do @r
 quit
a set c="zshow ""S"":st" xecute c
 set i="" for  set i=$order(st("S",i)) quit:i=""  write i,": ",st("S",i),!
 quit
