xxnew2 ; NEW inside FOR and dot blocks; NEW of an array; NEW twice at one level
 set x=1,arr(1)="a",arr(2)="b"
 do
 . new x set x=2
 . write "dot x=",x,!
 write "after dot x=",x,!
 do p write "after p arr(1)=",arr(1)," $d(arr(2))=",$data(arr(2)),!
 do twice write "after twice x=",x,!
 for i=1:1:2 do
 . new x set x=i*10 write "for x=",x,!
 write "end x=",x,!
 quit
p new arr set arr(1)="inner" write "p $d(arr(2))=",$data(arr(2)),! quit
twice new x set x=5 new x write "twice after 2nd new $d(x)=",$data(x),! set x=6 quit
