setextract1 ; SET $EXTRACT
 set x="abcdef"
 set $extract(x,2,3)="zz"
 write "1: ",x,!
 set x="abcdef"
 set $extract(x,2)="Q"
 write "2: ",x,!
 set x="abc"
 set $extract(x,6)="Z"
 write "3: [",x,"]",!
 set x="abc"
 set $extract(x,5,7)="XY"
 write "4: [",x,"]",!
 set x="abcdef"
 set $extract(x,2,4)=""
 write "5: ",x,!
 set x="abcdef"
 set $extract(x,3,2)="ins"
 write "6: ",x,!
 set x="abc"
 set $e(x)="A"
 write "7: ",x,!
 set $extract(y,3)="c"
 write "8: [",y,"] len=",$length(y),!
 set x="abcdef"
 set $extract(x,1,10)="all"
 write "9: ",x,!
 set x="abc"
 set $extract(x,0)="zero"
 write "10: ",x,!
 quit
