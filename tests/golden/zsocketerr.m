zsocketerr	; $ZSOCKET(): errors, the socket pool, an empty device
	new p
	do try("$zsocket(""nosuch"",""NUMBER"")")
	do try("$zsocket($principal,""NUMBER"")")
	do try("$zsocket("""",""NUMBER"")")
	do try("$zsocket(,""NUMBER"")")
	do try("$zsocket(,""BOGUS"")")
	open "e":::"SOCKET"
	do try("$zsocket(""e"",""NUM"")")
	do try("$zsocket(""e"",""CURR"")")
	do try("$zsocket(""e"","""")")
	do try("$zsocket(""e"",""BOGUS"",)")
	do try("$zsocket(""e"",""NUMBER"")")
	do try("$zsocket(""e"",""CURRENTINDEX"")")
	do try("$zsocket(""e"",""INDEX"",)")
	do try("$zsocket(""e"",""STATE"",)")
	do try("$zsocket(""e"",""STATE"",0)")
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	use "srv" set p=$piece($key,"|",3) write /listen(5)
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="a"):5:"SOCKET"
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="b"):5:"SOCKET"
	open "c":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="d"):5:"SOCKET"
	use $principal write "c: ",$$dev("c"),!
	use "c":(SOCKET="a") use $principal write "after SOCKET=a: ",$$dev("c"),!
	use "c":(DETACH="b") use $principal write "after DETACH b: ",$$dev("c")," pool: ",$$dev(""),!
	use "c":(DETACH="d") use $principal write "after DETACH d: ",$$dev("c")," pool: ",$$dev(""),!
	use "c":(DETACH="a") use $principal write "after DETACH a: ",$$dev("c")," pool: ",$$dev(""),!
	write "pool STATE 0: ",$zsocket(,"STATE",0)," HOWCREATED 0: ",$zsocket(,"HOWCREATED",0)," INDEX d: ",$zsocket(,"INDEX","d"),!
	use "e":(ATTACH="d") use $principal write "after ATTACH d to e: ",$$dev("e")," pool: ",$$dev(""),!
	use "e":(ATTACH="b") use "e":(ATTACH="a") use $principal write "after ATTACH b, a: ",$$dev("e")," pool: ",$$dev(""),!
	do try("$zsocket(,""NUMBER"")")
	do try("$zsocket(,""STATE"",0)")
	do try("$zsocket(,""BOGUS"")")
	close "c","e","srv"
	do try("$zsocket(""srv"",""NUMBER"")")
	quit
dev(d)	; NUMBER, CURRENTINDEX and the handles of device d ("": the socket pool)
	new i,s
	if d="" set s="n="_$zsocket(,"NUMBER")_" cur="_$zsocket(,"CURRENTINDEX")_" " for i=0:1:$zsocket(,"NUMBER")-1 set s=s_$zsocket(,"SOCKETHANDLE",i)
	if d'="" set s="n="_$zsocket(d,"NUMBER")_" cur="_$zsocket(d,"CURRENTINDEX")_" " for i=0:1:$zsocket(d,"NUMBER")-1 set s=s_$zsocket(d,"SOCKETHANDLE",i)
	quit s
try(e)	; writes what e gives, or the error it raises
	new $etrap
	set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	write e," = "
	xecute "write $zwrite("_e_"),!"
	quit
