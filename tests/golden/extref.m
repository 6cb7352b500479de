extref ; Extended global references: "" and $ZGBLDIR name the current database.
 set $etrap="write $piece($zstatus,"","",3),"" "",$ecode,! set $ecode="""" quit"
 set ^x(1)=5,^x(2)=6
 write ^|""|x(1),^[""]x(2),!
 write ^|$zgbldir|x(1),^[$zgbldir]x(2),!
 set g="" write $data(^|g|x),$get(^|g|x(3),"none"),!
 set ^|""|y=3 write ^y,!
 kill ^[""]y write $data(^y),!
 write $increment(^|""|x(2)),!
 merge ^|""|z=^x write $order(^z("")),$order(^z(""),-1),!
 write $order(^|""|x("")),!
 set x="^|""""|x(1)" write @x,!
 set x="^[""""]x" write $order(@x@("")),!
 write ^(2),!
 write $name(^|"""a"|x(1)),!
 write $name(^|"a"_"b"|x),!
 write $name(^["a","b"]x(1)),!
 write $name(^|"a"|x(1),0),!
 do e1,e2,e3,e4
 write "end",!
 quit
e1 write ^|"nosuch.gld"|x(1) quit
e2 write $data(^["nosuch"]x(1)) quit
e3 set ^|"a","b"|x(1)=1 quit
e4 write $name(^[1,"b"_"c"]x(1)) quit
