setpiece1 ; SET $PIECE
 set x="a^b^c"
 set $piece(x,"^",2)="B"
 write "1: ",x,!
 set $piece(x,"^",5)="e"
 write "2: ",x,!
 set y=""
 set $piece(y,",",3)="c"
 write "3: ",y,!
 set z="one::two::three"
 set $piece(z,"::",2)="TWO"
 write "4: ",z,!
 set $piece(z,"::",4)="four"
 write "5: ",z,!
 set w="a,b,c,d,e"
 set $piece(w,",",2,3)="X"
 write "6: ",w,!
 set w="a,b,c,d,e"
 set $piece(w,",",2,4)="P,Q"
 write "7: ",w,!
 set w="a,b"
 set $piece(w,",",4,6)="z"
 write "8: ",w,!
 set $p(u,"/")="first"
 write "9: ",u,!
 set v="a.b.c"
 set $p(v,".",1)="A",$p(v,".",3)="C"
 write "10: ",v,!
 set q="a,b,c"
 set $piece(q,",",3,2)="no"
 write "11: ",q,!
 set q="a,b,c"
 set $piece(q,",",0)="zero"
 write "12: ",q,!
 set r="a,b,c"
 set $piece(r,",",2)=""
 write "13: ",r,!
 quit
