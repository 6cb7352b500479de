zsockpass	; $ZSOCKET() of a socket received by WRITE /ACCEPT (passed by WRITE /PASS from the parent)
	new path,p,lh,h,pid,k,x,i
	set path="/tmp/minimzsp"_$job_".sock"
	open "loc":(LISTEN=path_":LOCAL":ATTACH="l"):5:"SOCKET"
	open "tcp":(LISTEN="0:TCP":ATTACH="t"):5:"SOCKET"
	use "tcp" set p=$piece($key,"|",3)
	job worker^zsockpass(path):(output="/dev/null":error="/dev/null")
	set pid=$zjob
	use "loc" write /wait(10) set lh=$piece($key,"|",2)
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="c":DELIMITER=$char(10)):5:"SOCKET"
	use "tcp" write /wait(10) set h=$piece($key,"|",2)
	use "tcp":(DETACH=h)
	use "loc":(SOCKET=lh) write /pass(pid,5,h)
	for i=1:1:20 use "c" read x:10 quit:x=""  use $principal write x,!
	close "c","tcp","loc"
	quit
worker(path)	; takes the socket and tells about it on it
	new hs,kw,s
	open "w":(CONNECT=path_":LOCAL"):5:"SOCKET"
	use "w" write /accept(.hs,,20)
	set s="in the pool: "_$zsocket(,"NUMBER")_" "_($zsocket(,"SOCKETHANDLE",0)=hs)_" "_$zsocket(,"HOWCREATED",0)
	use "w":(ATTACH=hs)
	use "w":(SOCKET=hs:DELIMITER=$char(10))
	write s,!
	for kw="NUMBER","CURRENTINDEX","HOWCREATED","STATE","PROTOCOL","PARENT","LOCALADDRESS","REMOTEADDRESS" write "worker ",kw,"=",$zwrite($zsocket("w",kw,1)),!
	write "worker pool: ",$zsocket(,"NUMBER"),!
	write !
	close "w"
	quit
