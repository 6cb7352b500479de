sockwrap255	; exactly 255 characters fill a line without wrapping; the 256th wraps
	new p,h,x,line
	set line=$translate($justify("",255)," ","e")
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write line set x=$x write !
	use $principal write "255 characters: $X=",x,!
	use "cli" write line,"f" set x=$x write !
	use $principal write "256 characters: $X=",x,!
	use "srv":(SOCKET=h:NOWRAP)
	for  read x:0.5 quit:'$test  use $principal write "server received ",$length(x)," characters",! use "srv"
	close "cli","srv"
	quit
