svread1 ; $KEY $ZB $DEVICE after different kinds of READ
 read *a
 write "read *a: a=",a," key len=",$length($key)," zb len=",$length($zb),!
 read b#3
 write "read b#3: b=",b," key len=",$length($key)," zb len=",$length($zb),!
 read c
 write "read c: c=[",c,"] key=",$ascii($key)," zb=",$ascii($zb)," device=[",$device,"]",!
 read d:1
 write "read d:1: d=[",d,"] T=",$test," key=",$ascii($key),!
 quit
