synt ; syntax
 write "start",!
 write 1+
 write "after",!
 quit
