setpiece4 ; SET $PIECE/$EXTRACT: local targets with global references, global targets, naked
 new x,i
 set ^g(1)=2,^g(2)="a^b^c",^h(1)="one^two^three^four^five^six^seven^eight^nine^ten^eleven"
 set x(2)="p^q^r"
 ; a local target subscripted by a global: the naked indicator follows it
 set $piece(x(^g(1)),"^",2)=^(2) write x(2),"|",$piece(x(2),"^",1,4),!
 set $piece(x(2),"^",^g(1))=^(1) write x(2),!
 set $extract(x(2),^g(1))=^h(1) write x(2),!
 set $piece(x(2),"^",1)=^(1) write x(2),!
 ; global targets
 set $piece(^g(2),"^",2)="B" write ^g(2),!
 set $piece(^(2),"^",4)="D" write ^g(2),!
 set $piece(^h(1),"^",3)=$piece(^h(1),"^",3)_"!" write ^h(1),!
 set $extract(^h(1),1,3)="ONE" write ^h(1),!
 set $piece(^new(1),"^",3)="n" write ^new(1),"|",$data(^new),!
 ; a local read, then set in a loop, then the global
 set x=^h(1) for i=1:1:11 set $piece(x,"^",i)=$length($piece(x,"^",i))
 write x,"|",^h(1),!
 set ^h(2)=x,$piece(x,"^",2)="changed" write ^h(2),"|",x,!
 quit
