zsocket	; $ZSOCKET() of a listener, the socket it accepts and the client, in one process
	new p,h,kw,i,s
	open "srv":(LISTEN="0:TCP":ATTACH="lis":DELIMITER=$char(10)_":"_$char(13,10):ZNODELAY:ZBFSIZE=4096:ZIBFSIZE=2048:MOREREADTIME=50:IOERROR="T"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(5)
	open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me":ZFF="ff"):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use $principal
	write "accepted handle is h+13 digits: ",h?1"h"13N,!
	write "srv NUMBER=",$zsocket("srv","NUMBER")," CURRENTINDEX=",$zsocket("srv","CURRENTINDEX"),!
	write "INDEX lis=",$zsocket("srv","INDEX","lis")," accepted=",$zsocket("srv","INDEX",h)
	write " LIS=",$zwrite($zsocket("srv","INDEX","LIS"))," none=",$zwrite($zsocket("srv","INDEX"))
	write " skipped=",$zsocket("srv","INDEX",),!
	for kw="HOWCREATED","STATE","PROTOCOL","PARENT","LOCALADDRESS","REMOTEADDRESS","DELIMITER","ZDELAY","IOERROR","ZBFSIZE","ZIBFSIZE","MOREREADTIME","ZFF","BLOCKING","OPTIONS","TLS","KEEPALIVE" do
	. write kw,":"
	. for i=0,1,2 write " ",i,"=",$zwrite($zsocket("srv",kw,i))
	. write " none=",$zwrite($zsocket("srv",kw))," skipped=",$zwrite($zsocket("srv",kw,)),!
	write "SOCKETHANDLE 0=",$zsocket("srv","SOCKETHANDLE",0)," 1 is h=",$zsocket("srv","SOCKETHANDLE",1)=h,!
	write "LOCALPORT: listener=p ",$zsocket("srv","LOCALPORT",0)=p," accepted=p ",$zsocket("srv","LOCALPORT",1)=p
	write " client's remote=p ",$zsocket("cli","REMOTEPORT",0)=p,!
	write "REMOTEPORT of the listener=",$zwrite($zsocket("srv","REMOTEPORT",0))
	write " accepted's remote=client's local ",$zsocket("srv","REMOTEPORT",1)=$zsocket("cli","LOCALPORT",0),!
	write "DELIMITER 1,0=",$zwrite($zsocket("srv","DELIMITER",1,0))," 1,1=",$zwrite($zsocket("srv","DELIMITER",1,1))
	write " 1,2=",$zwrite($zsocket("srv","DELIMITER",1,2))," 1,-1=",$zwrite($zsocket("srv","DELIMITER",1,-1)),!
	write "DESCRIPTOR is a number: ",$zsocket("srv","DESCRIPTOR",0)?1.N," differs: ",$zsocket("srv","DESCRIPTOR",0)'=$zsocket("srv","DESCRIPTOR",1),!
	write "SNDBUF>0: ",$zsocket("srv","SNDBUF",1)>0,!
	for kw="HOWCREATED","STATE","PROTOCOL","PARENT","LOCALADDRESS","REMOTEADDRESS","SOCKETHANDLE","DELIMITER","ZDELAY","IOERROR","ZBFSIZE","ZIBFSIZE","MOREREADTIME","ZFF" do
	. write "cli ",kw,"=",$zwrite($zsocket("cli",kw,0)),!
	write "index 1.9 and ""1abc"" are 1: ",$zsocket("srv","STATE",1.9)," ",$zsocket("srv","STATE","1abc"),!
	write "index """" is 0: ",$zsocket("srv","STATE","")," -1: ",$zwrite($zsocket("srv","STATE",-1)),!
	use "cli":(ZIBFSIZE=5000:ZBFSIZE=3000:ZNODELAY:IOERROR="T":DELIMITER="x":MOREREADTIME=20:ZFF="")
	use $principal
	for kw="ZIBFSIZE","ZBFSIZE","ZDELAY","IOERROR","MOREREADTIME","DELIMITER","ZFF" write "cli after USE ",kw,"=",$zwrite($zsocket("cli",kw,0)),!
	use "srv":(SOCKET="lis") use $principal write "after USE SOCKET=lis: CURRENTINDEX=",$zsocket("srv","CURRENTINDEX"),!
	use "srv" set s=$zsocket("","NUMBER") use $principal write "device """" is $IO: ",s,!
	write "abbreviation and case: ",$zsoc("srv","number")," ",$ZSOCKET("srv","NuMbEr"),!
	write "extra arguments ignored: ",$zwrite($zsocket("srv","DELIMITER",0,0,1,2)),!
	close "cli","srv"
	quit
