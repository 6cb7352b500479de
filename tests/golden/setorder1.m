setorder1 ; SET combined targets and evaluation order
 set (a,$piece(b,",",2))=5
 write "a=",a," b=[",b,"]",!
 set c="x,y,z",(d,$piece(c,",",3),$extract(c,1))="Q"
 write "c=",c," d=",d,!
 set i=1
 set x(i)=$$inc()
 write "i=",i," x(1)=",$get(x(1))," x(2)=",$get(x(2)),!
 kill x
 set i=1,x(i)=i+1,i=i+1,x(i)=i*10
 write "x(1)=",x(1)," x(2)=",x(2),!
 set j=1,(y(j),j)=$$incj()
 write "j=",j,!
 write "y(1) defined=",$data(y(1))," y(2) defined=",$data(y(2)),!
 quit
inc() set i=i+1
 quit "val"
incj() set j=j+1
 quit 9
