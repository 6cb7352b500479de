wrexit1 ; output without final newline: GT.M adds one at exit
 write "line one",!
 write "no newline at end"
 quit
