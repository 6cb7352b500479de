jobecho ; a listener that JOBs one child per connection, the socket passed as the child's principal device
 ; $ZCMDLINE: how many connections to serve. Prints the port first, then one line per JOB.
 new n,tcp,i,key,h,j,port
 set n=+$zcmdline set:n<1 n=1
 set tcp="jobecho"
 ; the listener's delimiter is its accepted sockets', but not the JOBbed child's (GT.M)
 open tcp:(listen="0:TCP":attach="lis":delimiter=$char(10)):5:"SOCKET"
 use tcp set port=$piece($key,"|",3) write /wait(0)
 use $principal write "port ",port,!
 for i=1:1:n do
 . use tcp write /wait(30) set key=$key quit:$piece(key,"|")'="CONNECT"
 . set h=$piece(key,"|",2)
 . use tcp:(detach=h)
 . set j="child^jobecho:(input=""SOCKET:"_h_""":output=""SOCKET:"_h_""":error=""/dev/null"")"
 . job @j
 . use $principal write "jobbed ",i," ",$zjob>0,!
 use $principal write "served ",n,!
 read i:30
 quit
child ; the connection is $PRINCIPAL
 new k,d,z,x,y,w,zs
 set k=$piece($key,"|"),d=$device,z=$zeof
 zshow "D":zs ; the device and its settings (not its socket's line: ports and handle vary)
 write "no delimiter: ",! ; so "!" sends nothing
 use $principal:(delimiter=$char(10))
 write "hello key=",k," device=",d," zeof=",z," io=",$io," principal=",$principal
 write " zshow=[",zs("D",1),"][",zs("D",3),"]",$data(zs("D",4)),!
 write /wait(10) set w=$piece($key,"|")
 write "wait ",$test," ",w,!
 for  read x:10 write "echo [",x,"] $test=",$test," $key=",$ascii($key)," $zeof=",$zeof," $device=",$device,! quit:$zeof
 write "bye",!
 read y
 write "not reached",!
 quit
