opmod1 ; modulo with # for each sign combination (result takes the sign of the divisor)
 write "7#3=",7#3,!
 write "-7#3=",-7#3,!
 write "7#-3=",7#-3,!
 write "-7#-3=",-7#-3,!
 write "6#3=",6#3,!
 write "-6#3=",-6#3,!
 write "6#-3=",6#-3,!
 write "0#5=",0#5,!
 write "1#5=",1#5,!
 write "-1#5=",-1#5,!
 write "1#-5=",1#-5,!
 write "5.5#2=",5.5#2,!
 write "-5.5#2=",-5.5#2,!
 write "5.5#-2=",5.5#-2,!
 write "7#2.5=",7#2.5,!
 write "-7#2.5=",-7#2.5,!
 write "1#.3=",1#.3,!
 write ".75#.5=",.75#.5,!
 write "-.75#.5=",-.75#.5,!
 write "100#7=",100#7,!
 quit
