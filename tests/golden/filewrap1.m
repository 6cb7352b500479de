filewrap1 ; a file wraps a line at its record size (WIDTH): $X, $Y, WRITE ?n and *n included
 new f,x1,y1,x2,y2,x3,y3,x4,x5,x,i
 set f="/tmp/filewrap1-"_$job_".txt"
 open f:(newversion:recordsize=10) use f
 write "0123456789" set x1=$x,y1=$y write ! write "0123456789","x" set x2=$x,y2=$y write !
 write "012345" write "6789abcdefghijklmnopqrstu" set x3=$x,y3=$y write !
 write ?15,"t" set x4=$x write ! write "012345678",*65,*66 set x5=$x write !
 close f
 use $principal write x1," ",y1," ",x2," ",y2," ",x3," ",y3," ",x4," ",x5,!
 open f:readonly use f for i=1:1 read x quit:$zeof  use $principal write "[",x,"]",! use f
 close f
 open f:newversion use f write $translate($justify("",70000)," ","a"),"xyz",! write "ab",$translate($justify("",32766)," ","c"),"de" close f
 open f:(readonly:recordsize=100000) use f for i=1:1 read x quit:$zeof  use $principal write $length(x)," ",$extract(x,$length(x)),! use f
 close f:delete
 quit
