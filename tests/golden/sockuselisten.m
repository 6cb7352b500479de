sockuselisten	; USE dev:(SOCKET=listener) accepts a connection waiting on the listener
	new p1,p2,k,zk
	open "srv":(LISTEN="0:TCP":ATTACH="l1"):5:"SOCKET"
	use "srv" set p1=$piece($key,"|",3)
	open "c":(CONNECT="127.0.0.1:"_p1_":TCP":ATTACH="a"):5:"SOCKET"
	use "srv":(SOCKET="l1") set k=$key,zk=$zkey do show("connection waiting")
	use "srv":(SOCKET="l1") set k=$key,zk=$zkey do show("none waiting")
	open "srv":(LISTEN="0:TCP":ATTACH="l2"):5:"SOCKET"
	use "srv" set p2=$piece($key,"|",3)
	open "c":(CONNECT="127.0.0.1:"_p2_":TCP":ATTACH="b"):5:"SOCKET"
	open "c":(CONNECT="127.0.0.1:"_p1_":TCP":ATTACH="d"):5:"SOCKET"
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("/WAIT")
	use "srv":(SOCKET="l2") set k=$key,zk=$zkey do show("the listener /WAIT left")
	close "c","srv"
	quit
show(what)	;
	use $principal
	write what,": $KEY=",$piece(k,"|")," $ZKEY=",$zwrite($piece(zk,"|",1,2))
	write " NUMBER=",$zsocket("srv","NUMBER")," CURRENTINDEX=",$zsocket("srv","CURRENTINDEX"),!
	quit
