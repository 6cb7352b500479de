forlist1 ; FOR with value lists and mixed lists
 for i=1,5,"a" write "[",i,"]"
 write !,"after: i=",i,!
 for i=1,3:2:9,20 write i," "
 write !,"after: i=",i,!
 for x="a","b":1:3,"c" write x," "
 write !
 for i=2+3,"x"_"y",-1 write i," "
 write !
 for i=1:1:3,10:10:30 write i," "
 write !
 for i=1:1:3,100 quit:i=2  write i," "
 write !,"quit leaves whole for: i=",i,!
 quit
