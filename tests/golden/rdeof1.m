rdeof1 ; reading to end of file: $ZEOF $DEVICE $ZB $KEY
 write "initial zeof=",$zeof," device=[",$device,"] key len=",$length($key)," zb len=",$length($zb),!
 read x
 write "x=[",x,"] zeof=",$zeof," device=[",$device,"] key=",$ascii($key)," zb=",$ascii($zb),!
 read y
 write "y=[",y,"] zeof=",$zeof," device=[",$device,"] key=",$ascii($key)," zb=",$ascii($zb),!
 read z
 write "z=[",z,"] zeof=",$zeof," device=[",$device,"] key len=",$length($key)," zb len=",$length($zb),!
 write "done",!
 quit
