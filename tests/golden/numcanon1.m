numcanon1 ; canonical number form: computed values
 write "1/2=",1/2,!
 write "-1/2=",-1/2,!
 write "1.10+0=",1.10+0,!
 write "10/4=",10/4,!
 write "3-3.0=",3-3.0,!
 write "0.1+0.2=",0.1+0.2,!
 write "1E3*1E3=",1E3*1E3,!
 write "1/1000=",1/1000,!
 write "-.001*1=",-.001*1,!
 write "100/10=",100/10,!
 write "2.50*2=",2.50*2,!
 write "-0*5=",-0*5,!
 write "0-0=",0-0,!
 write "-(1-1)=",-(1-1),!
 write "len 1/4: ",$length(1/4),!
 write "len 1E20: ",$length(1E20),!
 set x="007" write "x=",x," +x=",+x,!
 set y=x+0 write "y=",y," length=",$length(y),!
 write "concat: ",1.50_"|"_(1.50+0),!
 quit
