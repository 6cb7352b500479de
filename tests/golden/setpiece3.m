setpiece3 ; SET $PIECE/$EXTRACT of a local, one-byte delimiter: in place, grown, padded, shared
 new r,s,t,j,i,x,y,z
 ; a long record, read first (so its pieces are known) and then set, wider and narrower
 set r="" for j=1:1:20 set r=r_"field"_j_"^"
 write $piece(r,"^",20),"|",$length(r),!
 for i=1:1:45 set $piece(r,"^",i#23+1)=$select(i#3:i*1000,1:"")
 write r,!
 write $piece(r,"^",3),"|",$piece(r,"^",22),"|",$length(r,"^"),!
 ; a value holding the delimiter: the later pieces move
 set $piece(r,"^",2)="a^b^c" write $piece(r,"^",1,5),"|",$length(r,"^"),!
 set $piece(r,"^",4,6)="range" write $piece(r,"^",1,6),!
 set $piece(r,"^",30)="far" write $length(r,"^"),"|",$piece(r,"^",29,30),!
 ; zero, negative and reversed positions
 set s="one^two^three^four^five^six^seven^eight^nine^ten"
 set $piece(s,"^",0)="Z" write s,!
 set $piece(s,"^",-2)="N" write s,!
 set $piece(s,"^",3,2)="R" write s,!
 set $piece(s,"^",0,2)="Y" write s,!
 set $piece(s,"^")="first" write s,!
 set $piece(s,"^",2.7)="frac" write s,!
 set $piece(s,"^","3abc")="str" write s,!
 ; numeric targets and values
 set x=1234567 set $piece(x,"4",2)=9 write x,"|",x+1,!
 set x=3.5 set $piece(x,".",2)=25 write x,"|",x*2,!
 set x="10^20^30" set $piece(x,"^",2)=-0.50 write x,!
 set y=1E3 set $piece(y,0,2)=7 write y,!
 ; a copy shares the buffer: the copy must not change
 set t=r set $piece(r,"^",1)="changed" write $piece(t,"^",1),"|",$piece(r,"^",1),!
 set t=s set $extract(s,1,3)="ONE" write $extract(t,1,5),"|",$extract(s,1,5),!
 ; subscripted targets, defined and not
 set z(1,"a")="p;q;r;s;t;u;v;w;x;y;z;0123456789" set $piece(z(1,"a"),";",3)="RR" write z(1,"a"),!
 set $piece(z(2),";",3)="new" write z(2),"|",$data(z(2)),!
 set $piece(z(1,"b"),";")="b" write z(1,"b"),!
 ; short strings (inline) and the empty string
 set x="a^b" set $piece(x,"^",2)="c" write x,!
 set x="" set $piece(x,"^",1)="" write "[",x,"]",$data(x),!
 set x="" set $piece(x,"^",2)="" write "[",x,"]",!
 ; $EXTRACT: inside, at the end, past the end, empty values, ranges
 set s="abcdefghijklmnopqrstuvwxyz0123456789"
 set $extract(s,3)="C" write s,!
 set $extract(s,5,7)="" write s,!
 set $extract(s,1,0)="no" write s,!
 set $extract(s,$length(s)+1)="+" write s,!
 set $extract(s,$length(s)+3)="pad" write s,!
 set $extract(s,40,100)="tail" write s,!
 set $extract(s,0)="zero" write s,!
 set $extract(s,-1,2)="neg" write s,!
 set $extract(s)="first" write s,!
 set x=12345 set $extract(x,2)=0 write x,"|",x+0,!
 set $extract(undef1,3)="u" write "[",undef1,"]",!
 ; the value changes the target before it is stored
 set s="1^2^3^4^5^6^7^8^9^10^11^12^13^14^15^16^17^18^19^20"
 set $piece(s,"^",2)=$$grow() write s,!
 set $piece(s,"^",$$pos())="P" write s,!
 ; MAXSTRLEN: the target is left as it was
 set s="a^b^c" do maxlen write s,!
 set s=$justify("",1048570)_"^b" do maxlen write $length(s),"|",$piece(s,"^",2),!
 do maxlen2 write $length(s),"|",$piece(s,"^",2),!
 quit
maxlen2 new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
 set $piece(s,"^",2)="0123456789"
 quit
maxlen new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
 set $piece(s,"^",1048577)="x"
 set $piece(s,"^",2)="0123456789"
 quit
grow() set s="x^y" quit "G"
pos() set s=s_"^more^pieces^here^to^make^it^long^enough^for^the^cache" quit 5
