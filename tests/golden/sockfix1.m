sockfix1 ; a fixed-length socket READ x#100:1 that times out with fewer bytes leaves $TEST 0 (on a port the OS picks: LISTEN port 0, read back from $KEY)
 o "srv":(LISTEN="0:TCP":attach="l"):5:"SOCKET" u "srv":(nodelimiter)
 s port=$p($key,"|",3)
 o "cli":(CONNECT="127.0.0.1:"_port_":TCP":attach="c"):5:"SOCKET"
 u "srv" w /wait(5)
 u "cli" w "abcdef"
 u "srv" r x#100:1 s t=$t
 u "cli" w "123456" u "srv" r w#3:1 s t4=$t
 u "srv" r y:1 s t2=$t
 u "cli" w "ghi",!
 u "srv":(delimiter=$c(10)) r z#100:1 s t3=$t
 u $p w t,"|",x,"|",t2,"|",y,"|",t3,"|",z,"|",w,"|",t4,!
