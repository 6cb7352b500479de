zkeyfile1 ; $ZKEY of a sequential file: the byte offset (FIXED: record,offset); "" for the principal device
 s f="/tmp/minimgold-zkeyfile1.txt"
 o f:(newversion) u f w "abc",! w "defgh",! w "xy" s k1=$zkey c f
 u $p w "write:",k1,!
 o f:(readonly) u f s k0=$zkey r a s k2=$zkey r b s k3=$zkey r c s k4=$zkey s e=$zeof r d s k5=$zkey c f
 u $p w "read:",k0,"|",k2,"|",k3,"|",k4,"|",k5,"|",e,!
 o f:(readonly) u f r x#2 s k6=$zkey r y#5 s k7=$zkey r *z s k8=$zkey c f
 u $p w "length:",k6,"|",k7,"|",k8,!
 o f:(append) u f s k8=$zkey w "zz" s k9=$zkey c f
 u $p w "append:",k8,"|",k9,!
 w "principal:",$zkey,"|",!
 o f:(readonly:fixed:recordsize=4) u f s ka=$zkey r x s kb=$zkey r x#2 s kc=$zkey r x s kd=$zkey c f
 u $p w "fixed:",ka,"|",kb,"|",kc,"|",kd,!
 o f:(newversion:fixed:recordsize=5) u f w "ab" s ke=$zkey w ! s kf=$zkey w "abcdefg" s kg=$zkey c f:(delete)
 u $p w "fixed write:",ke,"|",kf,"|",kg,!
 q
