numlit1 ; numeric literals and their canonical output
 write "1E3=",1E3,!
 write ".5=",.5,!
 write "1.50=",1.50,!
 write "00012=",00012,!
 write "1E25=",1E25,!
 write "1E-5=",1E-5,!
 write "0.0=",0.0,!
 write "000=",000,!
 write "-0=",-0,!
 write "1.=",1.,!
 write "12.340=",12.340,!
 write "1E0=",1E0,!
 write "2.5E2=",2.5E2,!
 write "25E-1=",25E-1,!
 write "1E+3=",1E+3,!
 write ".0001=",.0001,!
 write "0.5=",0.5,!
 write "-.5=",-.5,!
 write "-0.50=",-0.50,!
 write "100.000=",100.000,!
 quit
