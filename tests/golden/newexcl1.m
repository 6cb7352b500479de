newexcl1 ; exclusive NEW keeps arrays and shares them with caller
 set keep(1)="k1",drop(1)="d1",x=1
 do sub
 write "after sub keep(2)=",$get(keep(2),"none")," drop(1)=",$get(drop(1),"none")," drop(2)=",$get(drop(2),"none"),!
 write "x=",x,!
 quit
sub new (keep)
 write "in sub keep(1)=",$get(keep(1))," drop data=",$data(drop)," x data=",$data(x),!
 set keep(2)="k2",drop(2)="d2",x=2
 quit
