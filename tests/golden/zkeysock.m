zkeysock	; $ZKEY of a SOCKET device: sockets found ready by WRITE /WAIT and not yet taken,
	; and sockets a READ left data in; /WAIT takes the one ready longest (two clients, one server)
	new p,k,zk,h,h2,x
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3),zk=$zkey write /listen(5)
	use $principal write "after OPEN: $ZKEY=",$zwrite(zk),!
	open "c1":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="c1":DELIMITER=$char(10)):5:"SOCKET"
	use "c1" set zk=$zkey use $principal write "client: $ZKEY=",$zwrite(zk),!
	use "srv" write /wait(5) set h=$piece($key,"|",2),zk=$zkey
	use $principal write "CONNECT 1: $ZKEY=",$zwrite(zk),!
	open "c2":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="c2":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h2=$piece($key,"|",2),zk=$zkey
	use $principal write "CONNECT 2: $ZKEY=",$zwrite(zk),!
	use "c1" write "one",!,"two",!
	use "c2" write "three",!,"four",!
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv":(SOCKET=h) read x:1 set k=$key,zk=$zkey do show("read "_x)
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv" read x:1 set k=$key,zk=$zkey do show("read "_x)
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv" read x:1 set k=$key,zk=$zkey do show("read "_x)
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv" read x:1 set k=$key,zk=$zkey do show("read "_x)
	use "srv" write /wait(0.1) set k=$key,zk=$zkey do show("wait $TEST="_$test)
	use "c1" write "five"
	use "srv" write /wait(5) set k=$key,zk=$zkey do show("wait")
	use "srv":(SOCKET=h) read x#2:1 set k=$key,zk=$zkey do show("read#2 "_x)
	use "srv" read *x:1 set k=$key,zk=$zkey do show("read* "_$char(x))
	use "srv" read *x:1 set k=$key,zk=$zkey do show("read* "_$char(x))
	close "c1","c2","srv"
	quit
show(what)	; $KEY and $ZKEY with the accepted sockets' handles as H1 and H2
	use $principal
	write what,": $KEY=",$zwrite($$names(k))," $ZKEY=",$zwrite($$names(zk)),!
	quit
names(s)	;
	new i,e,o set o=""
	for i=1:1:$length(s,";") do
	. set e=$piece(s,";",i)
	. if $piece(e,"|",2)=h set $piece(e,"|",2)="H1"
	. if $piece(e,"|",2)=h2 set $piece(e,"|",2)="H2"
	. set o=o_$select(i>1:";",1:"")_e
	quit o
