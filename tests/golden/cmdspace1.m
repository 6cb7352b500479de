cmdspace1 ; spacing between commands
 write "a"  write "b",!
 set x=1   set y=2   write x,y,!
 write "one"	write " tab-separated",!
 if 1  write "if then two spaces",!
 for i=1:1:2  write i
 write !
 quit  
