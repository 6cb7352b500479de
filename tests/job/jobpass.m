jobpass ; a dispatcher hands a TCP connection to a worker process over a LOCAL socket: WRITE /PASS and WRITE /ACCEPT
 ; $ZCMDLINE: the LOCAL socket's path. Prints the TCP port first.
 new path,port,lh,h,pid,i,k,t
 set path=$zcmdline
 open "loc":(listen=path_":LOCAL":attach="l"):5:"SOCKET"
 open "tcp":(listen="0:TCP":attach="t"):5:"SOCKET"
 use "tcp" set port=$piece($key,"|",3)
 use $principal write "port ",port,!
 job worker^jobpass(path):(output="/dev/null":error="/dev/null")
 set pid=$zjob
 use "loc" write /wait(10) set k=$key,lh=$piece(k,"|",2)
 use $principal write "worker connected: ",$piece(k,"|"),!
 use "tcp" write /wait(30) set k=$key,h=$piece(k,"|",2)
 use $principal write "client: ",$piece(k,"|"),!
 do
 . new $etrap set $etrap="use $principal write ""not in the pool: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 . use "loc":(socket=lh) write /pass(,5,h)
 use "tcp":(detach=h)
 do
 . new $etrap set $etrap="use $principal write ""wrong pid: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 . use "loc":(socket=lh) write /pass(pid+1,5,h)
 use "loc":(socket=lh) write /pass(pid,5,h) set t=$test
 use $principal write "passed: ",t,!
 do
 . new $etrap set $etrap="use $principal write ""after the pass: "",$piece($zstatus,"","",3),! set $ecode="""" quit"
 . use "tcp":(attach=h)
 for i=1:1:400 quit:'$zgetjpi(pid,"ISPROCALIVE")  hang 0.025
 use $principal write "worker ended: ",'$zgetjpi(pid,"ISPROCALIVE"),!
 quit
worker(path) ; accepts one socket and serves it
 new hs,t,x
 open "w":(connect=path_":LOCAL"):5:"SOCKET"
 use "w" write /accept(.hs,,20) set t=$test
 use "w":(attach=hs)
 use "w":(socket=hs)
 use "w":(delimiter=$char(10))
 write "worker accepted ",t," ",$piece($key,"|"),!
 read x:10 write "echo [",x,"]",!
 close "w"
 quit
