zwbasic2 ; ZWRITE of unusual values: control characters, empty, numbers, long
 kill
 set x="a"_$char(9)_"b",y="",z=1E3,w=$char(0,1),v="123456789012345678901"
 set n=-12.5,m="-12.50",k=1E-5
 zwrite
 quit
