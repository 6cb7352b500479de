local1	; one-subscript locals: read, SET, KILL, $DATA, $GET, $ORDER (numbers, strings, order of evaluation)
	new x,n,k,y,r
	set x(1)="one",x("01")="zero-one",x(1.5)="onehalf",x("a")="A",x("")="empty",x(-2)="m2"
	set x(2,3)="deep",x("abcdefghijklmnopqrstuvwxyz")="long"
	write x(1)," ",x("1")," ",x(1.0)," ",x("01")," ",x(3/2)," ",x("")," ",x(-2),!
	write $data(x(1)),$data(x(2)),$data(x(2,3)),$data(x(9)),$data(x("abcdefghijklmnopqrstuvwxyz")),!
	write $get(x(1)),"|",$get(x(9)),"|",$get(x(9),"dflt"),"|",$get(x("a"),"no"),!
	set k="" for  set k=$order(x(k)) quit:k=""  write k,";"
	write !
	set k="" for  set k=$order(x(k),-1) quit:k=""  write k,";"
	write !
	write $order(x(1)),",",$order(x(1.2)),",",$order(x("zz")),",",$order(x(""),-1),!
	set n=0 set y($increment(n))=$increment(n) write n," ",$data(y(1)),$data(y(2))," ",$get(y(1)),!
	kill x(2) write $data(x(2)),$data(x(2,3)),! kill x(99),x("nope") write $data(x(1)),!
	kill x("01") write $get(x("01"),"gone"),!
	do sub(.x) write $get(x(7)),$data(x(1)),!
	set r=$order(y(""))+$order(y(""),-1) write r,!
	set x("9e1")=1,x(90)=2 write $order(x(89)),",",$order(x(90)),!
	do
	. new $etrap set $etrap="write $piece($zstatus,"","",3,4),! set $ecode="""""
	. write x("undefined")
	do
	. new $etrap set $etrap="write $piece($zstatus,"","",3,4),! set $ecode="""""
	. write x(12.50)
	do
	. new $etrap set $etrap="write $piece($zstatus,"","",3,4),! set $ecode="""""
	. set x(undef)=1
	quit
sub(a)	set a(7)="seven" kill a(1)
	quit
