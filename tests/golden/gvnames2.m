gvnames2 ; global names with % and digits, case sensitivity
 set ^%=1,^%a=2,^%1=3,^a1=4,^A1=5,^abcdefghijklmnopqrstuvwxyz12345=6
 write ^%,^%a,^%1,^a1,^A1,^abcdefghijklmnopqrstuvwxyz12345,!
 set ^%Z9(1)="p" write $data(^%Z9),$name(^%Z9(1)),!
 zwrite ^%,^%1,^%a,^%Z9,^a1,^A1
 set x="^%1" write @x,!
 write $order(^%(""),-1),"|",$query(^%Z9),!
 set ^abcdefghijklmnopqrstuvwxyz12345678=7
 write ^abcdefghijklmnopqrstuvwxyz12345,!
 set g="^%" for  set g=$order(@g) quit:g=""  write g," "
 write !
 quit
