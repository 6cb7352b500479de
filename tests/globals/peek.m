peek ; the value of ^V
 write $get(^V),!
 quit
