zshmix1 ; ZSHOW "VS" combined codes into a local
 kill
 set q=7
 do p
 quit
p new z zshow "SV":z
 set i="" for  set i=$order(z(i)) quit:i=""  set j="" for  set j=$order(z(i,j)) quit:j=""  write i," ",j," ",z(i,j),!
 quit
