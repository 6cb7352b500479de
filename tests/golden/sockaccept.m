sockaccept	; connect to ourselves: $KEY/$DEVICE on both ends, WRITE /WAIT CONNECT and timeout
	new p,k,t,d,h
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	write /wait(0.2) set t=$test,k=$key
	use $principal write "/WAIT(0.2) with no client: $TEST=",t," $KEY=",$zwrite(k),!
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET" set t=$test,k=$key,d=$device
	write "OPEN CONNECT: $TEST=",t," $IO is still $PRINCIPAL: ",$io=$principal,!
	use "cli" set k=$key,d=$device use $principal
	write "client after USE: $KEY=",$zwrite(k)," $DEVICE=",$zwrite(d),!
	use "srv" write /wait(5) set t=$test,k=$key,d=$device
	set h=$piece(k,"|",2)
	use $principal
	write "server /WAIT: $TEST=",t," event=",$piece(k,"|")," handle looks like h+13 digits: ",h?1"h"13N
	write " peer=",$piece(k,"|",3)," $DEVICE=",$zwrite(d),!
	use "srv" write /wait(0.2) set t=$test,k=$key
	use $principal write "/WAIT(0.2) again, nothing new: $TEST=",t," $KEY=",$zwrite(k),!
	close "cli","srv"
	quit
