inderr3 ; $$@ref where ref holds label^routine: GT.M takes the whole value as a label name
 set ref="t^inderr3"
 write "start",!
 write "$$@ref: ",$$@ref,!
 write "not reached",!
 quit
t() quit "tx"
