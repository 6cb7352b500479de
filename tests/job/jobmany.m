jobmany ; a listener that JOBs N children in a row, each given its connection as $PRINCIPAL
 ; $ZCMDLINE: N. Prints the port first, then "served N" when the last child is started.
 new n,tcp,i,key,h,j,port,failed
 set n=+$zcmdline set:n<1 n=1
 set tcp="jobmany",failed=0
 open tcp:(listen="0:TCP":attach="lis"):5:"SOCKET"
 use tcp set port=$piece($key,"|",3) write /wait(0)
 use $principal write "port ",port,!
 for i=1:1:n do
 . use tcp write /wait(30) set key=$key if $piece(key,"|")'="CONNECT" set failed=failed+1 quit
 . set h=$piece(key,"|",2)
 . use tcp:(detach=h)
 . set j="child^jobmany:(input=""SOCKET:"_h_""":output=""SOCKET:"_h_""":error=""/dev/null"")"
 . job @j set:'$zjob failed=failed+1
 use $principal write "served ",n," failed ",failed,!
 read i:60
 quit
child ; one line to the client, then the end: the client reads to its end of file
 use $principal:(delimiter=$char(10))
 write "child ",$job,!
 quit
