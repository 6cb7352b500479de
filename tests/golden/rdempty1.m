rdempty1 ; READ with empty standard input
 read x
 write "x=[",x,"] len=",$length(x)," zeof=",$zeof,!
 write "device=[",$device,"]",!
 quit
