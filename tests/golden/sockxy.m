sockxy	; $X and $Y on a socket, WRITE !, #, ?n, *n: the bytes sent, as the peer reads them
	new p,h,x,y,raw
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(13,10)_":"_$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" do xy("after OPEN")
	use "cli" write "abc" do xy("WRITE ""abc""")
	use "cli" write ?10 do xy("WRITE ?10")
	use "cli" write *65,*66 do xy("WRITE *65,*66")
	use "cli" write ! do xy("WRITE !")
	use "cli" write "x",! do xy("WRITE ""x"",!")
	use "cli" write "p",# do xy("WRITE ""p"",#")
	use "cli":(ZFF=$char(12)) write "q",# do xy("WRITE ""q"",# with ZFF=$C(12)")
	; the server has no delimiter: a timed READ returns whatever has arrived
	use "srv":(SOCKET=h) read raw:2 set x=$x
	use $principal write "bytes sent: ",$zwrite(raw),!,"server $X after reading them: ",x,!
	use "srv" write "hi",$char(10) set x=$x
	use $principal write "server WRITE ""hi"",$C(10) (LF is no delimiter there): $X=",x,!
	use "cli" read raw:2 do xy("client READ of ""hi"" LF")
	close "cli","srv"
	quit
xy(what)	new d
	set x=$x,y=$y,d=$device
	use $principal write what,": $X=",x," $Y=",y," $DEVICE=",$zwrite(d),!
	quit
