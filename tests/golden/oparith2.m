oparith2 ; division with /
 write "7/2=",7/2,!
 write "-7/2=",-7/2,!
 write "7/-2=",7/-2,!
 write "-7/-2=",-7/-2,!
 write "1/8=",1/8,!
 write "1/.5=",1/.5,!
 write ".5/.25=",.5/.25,!
 write "0/5=",0/5,!
 write "0/-5=",0/-5,!
 write "10/3=",10/3,!
 write "1/1E10=",1/1E10,!
 write "6/4=",6/4,!
 write "1E20/1E-5=",1E20/1E-5,!
 write "2/3=",2/3,!
 write "-1/3=",-1/3,!
 write "5/2.5=",5/2.5,!
 quit
