newkill1 ; NEW then KILL inside a frame, restore on QUIT
 set a=1,a(1)="one",b=2
 do sub
 write "after sub a=",a," a(1)=",a(1)," b=",$get(b,"killed"),!
 do sub2
 write "after sub2 a data=",$data(a),!
 quit
sub new a
 set a=5
 kill a
 write "in sub a data=",$data(a),!
 kill b
 quit
sub2 kill a
 new a
 set a=9
 quit
