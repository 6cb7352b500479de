zsocketlocal	; $ZSOCKET() of LOCAL (Unix-domain) sockets
	new path,h,kw,i
	set path="/tmp/minimzsl"_$job_".sock"
	open "ls":(LISTEN=path_":LOCAL":ATTACH="ls"):2:"SOCKET"
	open "lc":(CONNECT=path_":LOCAL":ATTACH="lc"):2:"SOCKET"
	use "ls" write /wait(2) set h=$piece($key,"|",2) use $principal
	for kw="PROTOCOL","LOCALPORT","REMOTEPORT","STATE","HOWCREATED","PARENT","ZBFSIZE","ZDELAY","KEEPALIVE","KEEPCNT","KEEPIDLE","KEEPINTVL" do
	. write kw,": ls 0=",$zwrite($zsocket("ls",kw,0))," 1=",$zwrite($zsocket("ls",kw,1))," lc=",$zwrite($zsocket("lc",kw,0)),!
	for kw="LOCALADDRESS","REMOTEADDRESS" do
	. write kw," is the path: ls 0=",$zsocket("ls",kw,0)=path," 1=",$zsocket("ls",kw,1)=path," lc=",$zsocket("lc",kw,0)=path,!
	write "ls REMOTEADDRESS 0=",$zwrite($zsocket("ls","REMOTEADDRESS",0)),!
	write "ZIBFSIZE is the kernel's receive buffer: ",$zsocket("ls","ZIBFSIZE",1)>0,!
	close "lc","ls"
	quit
