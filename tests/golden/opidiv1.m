opidiv1 ; integer division with \ for each sign combination
 write "7\2=",7\2,!
 write "-7\2=",-7\2,!
 write "7\-2=",7\-2,!
 write "-7\-2=",-7\-2,!
 write "6\3=",6\3,!
 write "-6\3=",-6\3,!
 write "1\3=",1\3,!
 write "-1\3=",-1\3,!
 write "0\7=",0\7,!
 write "7.9\2=",7.9\2,!
 write "-7.9\2=",-7.9\2,!
 write "7\2.5=",7\2.5,!
 write "7.5\.5=",7.5\.5,!
 write "1\.3=",1\.3,!
 write "-1\.3=",-1\.3,!
 write ".9\1=",.9\1,!
 write "-.9\1=",-.9\1,!
 write "100\7=",100\7,!
 write """17abc""\""5""=","17abc"\"5",!
 write "1E18\7=",1E18\7,!
 quit
