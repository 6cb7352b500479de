deep ; an error forty calls deep
 do down(40)
 quit
down(n) if n=0 write x quit
 do down(n-1)
 quit
