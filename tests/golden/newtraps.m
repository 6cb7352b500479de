newtraps ; NEW $ETRAP or NEW $ZTRAP saves both traps, QUIT restores both (GT.M)
 ; NEW $ZTRAP empties $ZTRAP, NEW $ETRAP keeps $ETRAP
 set $etrap="write 1" do a write "et=",$etrap,!
 set $ztrap="write 2" do b write "zt=",$ztrap," et=[",$etrap,"]",!
 do c
 write "zt=[",$ztrap,"] et=[",$etrap,"]",!
 do d
 write "zt=[",$ztrap,"] et=[",$etrap,"]",!
 quit
a new $etrap write "a et=",$etrap,! set $etrap="write 3" quit
b new $ztrap write "b zt=[",$ztrap,"]",! set $ztrap="write 4" quit
c new $ztrap set $etrap="write 5"
 write "c zt=[",$ztrap,"] et=[",$etrap,"]",!
 quit
d new $etrap set $ztrap="write 6"
 write "d zt=[",$ztrap,"] et=[",$etrap,"]",!
 quit
