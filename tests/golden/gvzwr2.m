gvzwr2 ; ZWRITE formatting of values and subscripts
 set ^F(1)=12,^F(2)="12",^F(3)="012",^F(4)=".5",^F(5)=-0.5,^F(6)="1E3",^F(7)=""
 set ^F("a""b")="x",^F($char(0))=$char(1,2),^F("é")="ü",^F($char(200))=$char(255)
 set ^F(8)="tab"_$char(9)_"end"
 zwrite ^F
 write "--",!
 zwrite ^F(1),^F(7)
