rdsub1 ; READ into subscripted variables and several targets
 read a(1),a(2)
 write "a(1)=",a(1)," a(2)=",a(2),!
 set i=3 read a(i)
 write "a(3)=",a(3),!
 read *c(1),x
 write "c(1)=",c(1)," x=[",x,"]",!
 read y#1,z
 write "y=",y," z=[",z,"]",!
 quit
