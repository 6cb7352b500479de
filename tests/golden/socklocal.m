socklocal ; LOCAL (Unix-domain) sockets: LISTEN, CONNECT, /WAIT and a READ
 new p,h,x,k set p="/tmp/minimloc"_$job_".sock"
 open "s":(LISTEN=p_":LOCAL":ATTACH="ls":DELIMITER=$char(10)):2:"SOCKET" set k=$key
 use "s" set k=$key use $principal write "listen: ",$piece(k,"|",1,2)," path ok: ",$piece(k,"|",3)=p,!
 open "c":(CONNECT=p_":LOCAL":ATTACH="lc":DELIMITER=$char(10)):2:"SOCKET" use "c" set k=$key use $principal write "connect: ",$piece(k,"|",1,2)," path ok: ",$piece(k,"|",3)=p,!
 use "s" write /wait(2) set k=$key,h=$piece(k,"|",2) use $principal write "wait: ",$piece(k,"|",1)," path ok: ",$piece(k,"|",3)=p,!
 use "c" write "hello",!
 use "s":(SOCKET=h) read x:2 use $principal write "got: ",x," $test=",$test,!
 close "c" close "s"
 quit
