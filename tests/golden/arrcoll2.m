arrcoll2 ; canonical numbers vs strings as subscripts
 set x(1)="num 1",x("1")="string 1 same node"
 write "x(1)=",x(1),!
 set x("01")="string 01"
 write "x(01)=",x("01")," x(1)=",x(1),!
 set x(1.0)="num 1.0 is 1"
 write "x(1)=",x(1),!
 set x("1.0")="str 1.0"
 write "x(""1.0"")=",x("1.0"),!
 set x(.5)="half" write "x(""0.5"") defined=",$data(x("0.5"))," x("".5"")=",x(".5"),!
 set x(-0)="minus zero" write "x(0)=",x(0),!
 set x("-0")="str -0"
 set x(2E1)="twenty" write "x(20)=",x(20),!
 set k="" for  set k=$order(x(k)) quit:k=""  write "[",k,"]=",x(k),!
 quit
