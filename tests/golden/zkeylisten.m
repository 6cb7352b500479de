zkeylisten	; $ZKEY: a listener with a connection that WRITE /WAIT did not take is LISTENING
	new p1,p2,k,zk
	open "srv":(LISTEN="0:TCP":ATTACH="l1"):5:"SOCKET"
	use "srv" set p1=$piece($key,"|",3)
	open "srv":(LISTEN="0:TCP":ATTACH="l2"):5:"SOCKET"
	use "srv" set p2=$piece($key,"|",3)
	open "c":(CONNECT="127.0.0.1:"_p2_":TCP":ATTACH="b"):5:"SOCKET"
	open "c":(CONNECT="127.0.0.1:"_p1_":TCP":ATTACH="a"):5:"SOCKET"
	use "srv" write /wait(5) set k=$key,zk=$zkey do show
	use "srv" write /wait(5) set k=$key,zk=$zkey do show
	close "c","srv"
	quit
show	;
	use $principal
	write "$KEY=",$piece(k,"|")," $ZKEY=",$zwrite($piece(zk,"|",1,2))," port is l2's: ",$piece(zk,"|",3)=p2,!
	quit
