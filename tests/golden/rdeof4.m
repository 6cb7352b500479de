rdeof4 ; READ * at end of file
 read *a
 write "a=",a," zeof=",$zeof,!
 read *b
 write "b=",b," zeof=",$zeof," device=[",$device,"]",!
 quit
