fnextract3 ; $EXTRACT as SET target (left side)
 set s="abcdef"
 set $extract(s,2)="X" write "s=",s,!
 set $extract(s,3,4)="YYY" write "s=",s,!
 set $extract(s)="Z" write "s=",s,!
 set $extract(s,10)="Q" write "s=",s," len=",$length(s),!
 set t="" set $extract(t,3)="c" write "t=[",t,"] len=",$length(t),!
 set u="abc" set $extract(u,2,1)="X" write "u=",u,!
 set v="abc" set $extract(v,0)="X" write "v=",v,!
 set w="abc" set $extract(w,2,3)="" write "w=",w,!
 quit
