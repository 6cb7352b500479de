setpiece2 ; SET $PIECE corner cases: empty delimiter, delimiter in value, numbers
 set x="abc"
 set $piece(x,"",2)="Z"
 write "1 empty delim: [",x,"]",!
 set x="a,b"
 set $piece(x,",",2)="c,d"
 write "2 delim in value: ",x," pieces=",$length(x,","),!
 set x=12345
 set $piece(x,3,1)="X"
 write "3 numeric delim: ",x,!
 set x="a^b"
 set $piece(x,"^",1.9)="F"
 write "4 fractional piece number: ",x,!
 set x="a^b"
 set $piece(x,"^",-1)="N"
 write "5 negative piece number: ",x,!
 set x="aXXbXXc"
 set $piece(x,"XX",2,3)="Y"
 write "6 multi-char range: ",x,!
 set x(1)="p;q"
 set $piece(x(1),";",2)="R"
 write "7 subscripted target: ",x(1),!
 set $piece(new1,"-",1,2)="s"
 write "8 undefined target range: [",new1,"]",!
 quit
