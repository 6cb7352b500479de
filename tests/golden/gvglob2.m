gvglob2 ; global names with % and digits, long names
 set ^%=1,^%1=2,^%a2=3,^x123=4,^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef=5
 write ^%,^%1,^%a2,^x123,!
 write ^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef,!
 write $data(^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefXYZ),!
 set ^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefQ(1)=9
 write ^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef(1),!
 zwrite ^ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef
 write $name(^%a2(1)),"|",$qsubscript($name(^%1(2)),0),!
 set g="^%" for  set g=$order(@g) quit:g=""  write g," "
 write !
