sockzshow ; ZSHOW "D" of SOCKET devices: each socket's state, addresses and settings (ports, descriptors and generated handles masked); closed ones
 new p,z,i,sock
 set sock="/tmp/minimgold-sockzshow.sock"
 zsystem "rm -f "_sock
 open "s1":(listen="0:TCP":attach="lis"):5:"SOCKET"
 use "s1" set p=$piece($key,"|",3)
 open "s2":(connect="127.0.0.1:"_p_":TCP":attach="cli":delimiter=$char(13,10)_":"_$char(10):ioerror="T":znodelay:zbfsize=4096:zibfsize=2048:morereadtime=50):5:"SOCKET"
 use "s1" write /wait(5)
 open "s3":(listen=sock_":LOCAL":attach="loc"):5:"SOCKET"
 open "s4":(connect=sock_":LOCAL":attach="lc":morereadtime=20):5:"SOCKET"
 use "s3" write /wait(5)
 open "s5":::"SOCKET"
 open "s6":(listen="0:TCP":attach="a":delimiter="X"_$char(10)_":ab"_$char(0)_":"""):5:"SOCKET"
 open "s7":(listen="0:TCP":attach="b":zibfsize=5000:zbfsize=300:znodelay:delimiter="|"):5:"SOCKET"
 use "s7" set p=$piece($key,"|",3)
 open "s8":(connect="127.0.0.1:"_p_":TCP":attach="c"):5:"SOCKET"
 use "s7" write /wait(5)
 use "s8":(delimiter=$char(10)) use "s8":(nodelimiter)
 use $principal
 zshow "D":z
 for i=1:1 quit:'$data(z("D",i))  write $$mask(z("D",i)),!
 ; a SOCKET device closed without DESTROY is still listed, as CLOSED, until it is opened again
 close "s1" close "s2":(destroy) close "s5"
 for i="s3","s4","s6","s7","s8" close i:(destroy)
 open "s5":::"SOCKET"
 kill z zshow "D":z
 for i=1:1 quit:'$data(z("D",i))  write $$mask(z("D",i)),!
 quit
mask(l) ; the numbers that change from run to run: ports, descriptors, generated handles
 new m,i,j,out set out=""
 for  set j=0 do  quit:'j
 . for m="DESC=","PORT=","@","]=h" set i=$find(l,m) if i,'j!(i<j) set j=i
 . quit:'j
 . set out=out_$extract(l,1,j-1)_"#",l=$extract(l,j,$length(l))
 . for  quit:$extract(l)'?1N  set l=$extract(l,2,$length(l))
 quit out_l
