ecodeinval ; SET $ECODE takes codes that begin with an upper-case M, U or Z (GT.M), else INVECODEVAL
 set $ztrap="goto zt",i=0
 set l=",W,|,V1,|,M,|,U,|,Z,|,M1x,|,Mabc,|,u1,|,m1,|,z1,|,U-1,|,U 1,|,M1,,|,,M1,|,M1,Q,|U1,|,U1|,U1,U2,"
zt set i=i+1 if i>1 write " -> ",$ecode," ",$piece($zstatus,",",3),!
 quit:i>$length(l,"|")
 set $ecode="" write $piece(l,"|",i)
 set $ecode=$piece(l,"|",i)
 write " not reached"
 goto zt
