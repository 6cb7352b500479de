strbyte1	; $FIND, $PIECE and $TRANSLATE with one-byte needles and delimiters, folded ranges and counted deletions
	new s,r,i,j,t,u,n,p,x
	set s="alpha,beta;gamma delta,epsilon;zeta eta,theta;iota kappa,lambda;mu"
	for i=-1,0,1,5,6,7,66,67,68,69,100 write $find(s,",",i)," ",$find(s,"u",i)," ",$find(s,"a",i)," ",$find(s,"mu",i),!
	set n=12345 write $find(n,3)," ",$find(n,3,4)," ",$find(12345,5,5)," ",$find(n,"",9)," ",$find(n,2.5),!
	set p=0 for  set p=$find(s,";",p) quit:'p  write p," "
	write !
	set r="" for j=1:1:20 set r=r_"field"_j_"^"
	for j=-1,0,1,2,19,20,21,22 write j,":",$piece(r,"^",j),":",$length($piece(r,"^",j)),":",$piece(r,"^",j,j+1),":",$piece(r,"^",j+2,j),!
	write $length(r,"^")," ",$length($piece(r,"^",3,7))," ",$length($piece(r,"^",0,2)),!
	for i=1:1:50 set $piece(r,"^",i#23+1)=i*7
	write r,!
	for j=1:1:25 write $length($piece(r,"^",j)),","
	write !
	set $piece(r,"^",30)="end" write r,!
	set $piece(r,"^",3,5)="a^b" write r,!
	for j=1:1:8 write $piece(r,"^",j),"|"
	write !
	set $piece(r,"^",2)="" write r,!
	set $piece(r,"^",1)="a much longer first field than before" write $piece(r,"^",1,3),!
	set x=1234.5678 write $piece(x,".",2)," ",$piece(x,5,1)," ",$piece(x,5,2)," ",$length($piece(x,3,1)),!
	set t="The Quick Brown Fox, Jumps Over; The Lazy Dog! 0123 {[]} @`"
	for i=0,1,15,16,17,31,32,33,50,$length(t) set u=$extract(t,1,i) do
	. write $translate(u,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz"),"|"
	. write $length($translate(u,",;! ")),"|",$length($translate(u,",;! .:?")),"|",$length($translate(u,"Tx,","t")),!
	write $translate(t,"abcdefghijklmnopqrstuvwxyz","ABCDEFGHIJKLMNOPQRSTUVWXYZ"),!
	write $translate(t,"@ABCDEFGHIJKLMNOPQRSTUVWXYZ[","`abcdefghijklmnopqrstuvwxyz{"),!
	write $translate(t,"ABC","bcd"),"|",$translate(t,"AB","ba"),"|",$translate(t,"Aa","B"),!
	write $length($translate(t,"TQ")),"|",$length($translate(t,"T","")),"|",$translate(12345,"123","abc"),!
	quit
