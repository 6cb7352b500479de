zsockjob	; $ZSOCKET() of a JOBbed process's principal device, a socket passed by its parent
	new p,h,j,x,i
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3)
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="c":DELIMITER=$char(10)):5:"SOCKET"
	use "srv" write /wait(5) set h=$piece($key,"|",2)
	use "srv":(DETACH=h)
	use $principal write "pool before the JOB: ",$zsocket(,"NUMBER")," ",$zsocket(,"SOCKETHANDLE",0)=h,!
	set j="child^zsockjob:(input=""SOCKET:"_h_""":output=""SOCKET:"_h_""":error=""/dev/null"")"
	job @j
	write "pool after the JOB: ",$zsocket(,"NUMBER"),!
	for i=1:1:12 use "c" read x:10 quit:x=""  use $principal write x,!
	close "c","srv"
	quit
child	; the connection is $PRINCIPAL
	new kw
	use $principal:(delimiter=$char(10))
	for kw="NUMBER","CURRENTINDEX","HOWCREATED","STATE","PROTOCOL","PARENT","ZIBFSIZE","ZBFSIZE","DELIMITER","IOERROR","ZDELAY" write "child ",kw,"=",$zwrite($zsocket($principal,kw,0)),!
	write "child handle is its parent's: ",$zsocket($principal,"SOCKETHANDLE",0)?1"h"13N,!
	write !
	quit
