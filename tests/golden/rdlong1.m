rdlong1 ; READ a long line and a line with special characters
 read x
 write "len=",$length(x),!
 write "first=",$extract(x,1,5)," last=",$extract(x,$length(x)-4,$length(x)),!
 read y
 write "y=[",y,"] len=",$length(y),!
 read z
 write "z=[",z,"] len=",$length(z)," zeof=",$zeof,!
 quit
