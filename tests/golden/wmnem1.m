wmnem1 ; WRITE /FOO and /WAIT(1) on the principal device or a file: ignored, $TEST and $KEY unchanged
 s f="/tmp/minim-wmnem1.txt"
 i 0
 w /FOO w "a",$t,"|",$zwrite($key),!
 w /WAIT(1) w "b",$t,!
 i 1 w /WAIT(1),/bar("x",2) w "c",$t,!
 o f:(newversion) u f w /WAIT(1),/FOO,"x" c f
 o f:(readonly) u f r l u $p c f:(delete) w l,!
 w /eol,"d",!
