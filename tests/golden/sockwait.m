sockwait	; WRITE /WAIT with two clients: CONNECT events, READ events in turn, CLOSE of one socket
	new p,h,h1,h2,x,i,who,k
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(5)
	open "one":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h1=$piece($key,"|",2) do ev("1st /WAIT")
	open "two":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h2=$piece($key,"|",2) do ev("2nd /WAIT")
	use $principal write "the two handles differ: ",h1'=h2,!
	use "one" write "from one",! use "two" write "from two",!
	; the READ events name the socket; no socket is read until it is selected
	for i=1:1:2 use "srv" write /wait(5) do ev("/WAIT "_i_" with data on both") set who(i)=$piece($key,"|",2)
	use $principal write "both sockets reported: ",(who(1)'=who(2))&((who(1)=h1)!(who(1)=h2))&((who(2)=h1)!(who(2)=h2)),!
	use "srv":(SOCKET=h1) read x:5 use $principal write "h1 read ",$zwrite(x),!
	use "srv":(SOCKET=h2) read x:5 use $principal write "h2 read ",$zwrite(x),!
	use "srv" write /wait(0.2) do ev("/WAIT(0.2) after reading both")
	close "one"
	use "srv" write /wait(5) do ev("/WAIT after client one closed")
	use "srv":(SOCKET=$piece($key,"|",2)) read x:5 set k=$zeof
	use $principal write "read: x=",$zwrite(x)," $ZEOF=",k,! use "srv"
	close "srv":(SOCKET=h1)
	use "srv" write /wait(0.2) do ev("/WAIT(0.2) right after CLOSE srv:(SOCKET=h1)")
	use "srv" write /wait(0.2) do ev("/WAIT(0.2) again")
	use "two" write "still here",!
	use "srv" write /wait(5) do ev("/WAIT after client two wrote")
	use "srv" write /wait(5) do ev("/WAIT again, nothing read")
	close "two","srv"
	quit
ev(what)	; show the /WAIT result: event, whether it names h1, h2 or a new handle, peer
	new t,k,h
	set t=$test,k=$key,h=$piece(k,"|",2)
	use $principal
	write what,": $TEST=",t," event=",$zwrite($piece(k,"|"))
	if k'="" write " socket=",$select(h=$get(h1):"h1",h=$get(h2):"h2",1:"new")," peer=",$piece(k,"|",3)
	write !
	use "srv"
	quit
