zsockkernel	; $ZSOCKET() values that are the kernel's or the process's own (tests/socket.rs)
	new p,d,i,desc,path
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="c"):5:"SOCKET"
	set path="/tmp/minimzsk"_$job_".sock"
	open "loc":(LISTEN=path_":LOCAL":ATTACH="loc"):2:"SOCKET"
	use $principal
	write "keepalive=",$zsocket("cli","KEEPALIVE",0),!
	write "keepcnt=",$zsocket("cli","KEEPCNT",0),!
	write "keepidle=",$zsocket("cli","KEEPIDLE",0),!
	write "keepintvl=",$zsocket("cli","KEEPINTVL",0),!
	write "listener sndbuf=",$zsocket("srv","SNDBUF",0),!
	write "local zibfsize=",$zsocket("loc","ZIBFSIZE",0),!
	write "local sndbuf=",$zsocket("loc","SNDBUF",0),!
	write "listener port is $KEY's: ",$zsocket("srv","LOCALPORT",0)=p,!
	zshow "D":d
	set desc="" for i=1:1 quit:'$data(d("D",i))  if d("D",i)["SOCKET[0]=lis DESC=" set desc=$piece($piece(d("D",i),"DESC=",2)," ")
	write "DESCRIPTOR is ZSHOW's DESC: ",desc=$zsocket("srv","DESCRIPTOR",0),!
	close "cli","srv","loc"
	quit
