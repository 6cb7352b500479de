sockeofdata	; the last piece without a delimiter comes back with the end of file in one READ
	new p,h,x,i,t,z,d,za
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10):IOERROR="T"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(1)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "cli" write "hello",$char(10),"world"
	close "cli"
	set $etrap="use $principal write ""READ 3: "",$piece($zstatus,"","",3,9),! set $ecode="""" quit"
	use "srv":(SOCKET=h)
	for i=1:1:3 do one
	close "srv"
	quit
one	read x:5 set t=$test,z=$zeof,d=$device,za=$za
	use $principal write "READ ",i,": x=",$zwrite(x)," $TEST=",t," $ZEOF=",z," $ZA=",za," $DEVICE=",$zwrite(d),!
	use "srv"
	quit
