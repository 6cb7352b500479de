devfile1 ; $DEVICE and $ZEOF of a sequential file: "0" after a WRITE, "1,Device detected EOF" at the end
 s f="/tmp/minimgold-devfile1.txt"
 o f:(newversion) u f s a=$device_"|"_$zeof w "x",! s b=$device_"|"_$zeof c f
 u $p w "newversion:",a,"/",b,!
 o f:(readonly) u f s a=$device_"|"_$zeof r x s b=$device_"|"_$zeof r x s c=$device_"|"_$zeof c f
 u $p w "readonly:",a,"/",b,"/",c,!
 o f:(append) u f s a=$device_"|"_$zeof w "y",! s b=$device_"|"_$zeof c f
 u $p w "append:",a,"/",b,!
 o f u f s a=$device_"|"_$zeof r x s b=$device_"|"_$zeof c f
 u $p w "plain:",a,"/",b,!
 o f:(newversion) u f s a=$device_"|"_$zeof r x s b=$device_"|"_$zeof c f
 u $p w "newv read:",a,"/",b,!
 w "principal:",$device,"|",$zeof,!
 o f c f:(delete)
 q
