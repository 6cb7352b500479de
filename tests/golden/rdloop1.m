rdloop1 ; READ all lines in a loop until $ZEOF, into array nodes
 set n=0
 for  read line quit:$zeof  set n=n+1,l(n)=line
 write "lines=",n,!
 for i=1:1:n write i,": [",l(i),"] len=",$length(l(i)),!
 write "zeof=",$zeof,!
 quit
