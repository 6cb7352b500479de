sockwrap	; WRITE past the width (255) with WRAP inserts a delimiter; NOWRAP does not
	new p,h,h2,x,i,line
	set line="" for i=1:1:30 set line=line_"0123456789"
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	; READ moves $X too: 200 read, then 100 written, passes 255
	use "cli" write $extract(line,1,200),!
	use "srv":(SOCKET=h) read x:5 set x=$x
	use $principal write "server read 200 characters: $X=",x,!
	use "srv" write $extract(line,1,100) set x=$x write !
	use $principal write "server wrote 100 characters: $X=",x,!
	use "cli" do recv("client")
	; a second connection, so its device starts at $X=0
	open "cli2":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h2=$piece($key,"|",2)
	use "cli2" write line set x=$x write ! use $principal write "cli2 wrote 300 characters: $X=",x,!
	use "srv":(SOCKET=h2) do recv("server")
	use "cli2":(NOWRAP) write line set x=$x write !
	use $principal write "cli2 wrote 300 characters with NOWRAP: $X=",x,!
	use "srv":(SOCKET=h2) do recv("server")
	close "cli","cli2","srv"
	quit
recv(who)	; read lines from the current socket of $IO until none is left
	new x,t,io
	set io=$io
	for  read x:0.2 set t=$test quit:'t  use $principal write "  ",who," received ",$length(x)," characters",! use io
	if x'="" use $principal write "  left without delimiter: ",$length(x),!
	use io
	quit
