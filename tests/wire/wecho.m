wecho	; echoes every byte back (NODELIMITER) until the peer's end of file
	new p,x,n
	set p=+$zcmdline,n=0
	open "s":(CONNECT="127.0.0.1:"_p_":TCP"):5:"SOCKET"
	else  write "cannot connect",! halt
	use "s"
	; a READ may bring the last data together with the end of file ($ZEOF=1)
	for  read x:10 write x set n=n+$length(x) quit:$zeof
	close "s"
	use $principal write "echoed ",n," bytes",!
	quit
