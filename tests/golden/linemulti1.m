linemulti1 ; multiple commands per line, argumentless with two spaces, trailing spaces
 set a=1,b=2 write a,b,! set c=a+b write "c=",c,!
 set i=0 for  quit:i>3  set i=i+1
 write "i=",i,!
 set x=1 if x  write "y",!
 if  write "if argless",!
 set i=0 for  set i=i+1 quit:i=5
 write "i=",i,!
 write "trailing spaces",!   
 set z=9    
 write "z=",z,!
 do sub  write "after sub",!
 else  write "else not",!
 if 0  
 else  write "else taken",!
 quit  
sub write "sub",! quit  
