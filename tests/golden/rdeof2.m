rdeof2 ; a further READ after end of file ends the process silently
 read x
 write "x=[",x,"]",!
 read y
 write "y=[",y,"] zeof=",$zeof,!
 read z
 write "not reached z=[",z,"]",!
 quit
