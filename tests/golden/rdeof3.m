rdeof3 ; last line without newline, then EOF; READ * and READ # at EOF
 read x
 write "x=[",x,"] zeof=",$zeof," key len=",$length($key),!
 read y#5
 write "y=[",y,"] len=",$length(y)," zeof=",$zeof,!
 quit
