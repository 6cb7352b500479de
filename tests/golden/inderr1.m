inderr1 ; indirection of an invalid name
 set x="1abc"
 write "start",!
 set @x=1
 write "not reached",!
 quit
