numdec1 ; arithmetic is decimal: no binary floating point artifacts
 set s=0 for i=1:1:10 set s=s+.1
 write "ten times .1=",s," =1: ",s=1,!
 write ".1*3=",.1*3,!
 write "1.1-1=",1.1-1,!
 write "0.3-0.1=",0.3-0.1,!
 write "1.15*100=",1.15*100,!
 write "4.35*100=",4.35*100,!
 write "1.005*1000=",1.005*1000,!
 write "0.7+0.1=",0.7+0.1,!
 write "3*1.1=",3*1.1,!
 write "100*1.1=",100*1.1,!
 write "1E-10+1=",1E-10+1,!
 write "123.456-123=",123.456-123,!
 for x=0:.25:1 write x," "
 write !
 for x=1:-.3:0 write x," "
 write !
 for x=0:.1:.5 write x," "
 write !
 quit
