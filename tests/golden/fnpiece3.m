fnpiece3 ; $PIECE as SET target
 set s="a,b,c"
 set $piece(s,",",2)="X" write "s=",s,!
 set $piece(s,",",5)="E" write "s=",s,!
 set $piece(s,",",2,3)="Y" write "s=",s,!
 set $piece(s,",")="Z" write "s=",s,!
 set t="" set $piece(t,"^",3)="c" write "t=",t,!
 set u="a::b" set $piece(u,"::",3)="c" write "u=",u,!
 set v="a,b,c" set $piece(v,",",0)="X" write "v=",v,!
 set w="a,b,c" set $piece(w,",",3,2)="X" write "w=",w,!
 set x="a,b,c" set $piece(x,",",2)="" write "x=",x,!
 set (y,z)="" for i=1:1:4 set $piece(y,"-",i)=i*i
 write "y=",y,!
 quit
