sockdetach	; DETACH a socket into the pool, ATTACH it to another device, keep reading from it
	new p,h,x,k
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "srv":(SOCKET=h:DELIMITER=$char(10))
	use "cli" write "first",!,"second",!
	use "srv" read x:5 use $principal write "srv read ",$zwrite(x),!
	use "srv":(DETACH=h) set k=$key use $principal write "after DETACH: $KEY=",$zwrite(k)," (unchanged)",!
	open "other":::"SOCKET"
	use "other":(ATTACH=h) read x:5 use $principal write "other read ",$zwrite(x)," (the delimiter came with the socket)",!
	do ancomp
	use "cli" write "third",! use "other" read x:5 use $principal write "other read ",$zwrite(x),!
	close "other","cli","srv"
	quit
ancomp	new $etrap
	set $etrap="use $principal write ""ATTACH with DELIMITER: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "other":(ATTACH="lis":DELIMITER=$char(10))
	use $principal write "no error",!
	quit
