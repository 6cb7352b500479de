cmdvars1 ; variable names: case sensitive, %names, long names
 set a=1,A=2
 write "a=",a," A=",A,!
 set %=3,%x=4,%X9=5
 write "%=",%," %x=",%x," %X9=",%X9,!
 set abcdefghijklmnopqrstuvwxyz12345=6
 write "long=",abcdefghijklmnopqrstuvwxyz12345,!
 set x1=7,x2=8
 write "x1=",x1," x2=",x2,!
 set set=9,write=10,if=11
 write "set=",set," write=",write," if=",if,!
 quit
