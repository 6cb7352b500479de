zwfn1 ; $ZWRITE() quoting
 write $zwrite("abc"),!
 write $zwrite("a""b"),!
 write $zwrite(12),!
 write $zwrite("12"),!
 write $zwrite("012"),!
 write $zwrite(""),!
 write $zwrite("a"_$char(10)_"b"),!
 write $zwrite($char(7)),!
 write $zwrite(-.5),!
 write $zwrite("1E3"),!
 write $zwrite($char(127,128)),!
 write $zwrite("""a""",1),!
 write $zwrite("""a""""b""",1),!
 quit
