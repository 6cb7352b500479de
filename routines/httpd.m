httpd	; HTTP/1.1 server: one listener, one JOBbed process per connection
	;
	; Run:   minim httpd.m PORT [FOLDER]          (GT.M: gtm-run --db httpd.m PORT [FOLDER])
	;        minim httpd.m stop                   ends the listener (same database)
	;
	; PORT 0 lets the system pick a free port; the first output line is always
	; "listening on NNNNN". FOLDER (default "www") holds the files served by GET.
	;
	; The listener waits with WRITE /WAIT. On each CONNECT it detaches the new socket
	; into the socket pool and JOBs conn^httpd, which gets the socket as its principal
	; device and serves that connection's requests (keep-alive) until the client
	; closes, asks for "Connection: close", or stays idle for 10 seconds. Shared state
	; lives in ^HTTPD, changed under LOCK.
	;
	;   GET  /PATH            a file under FOLDER ("/" and ".../" mean index.html;
	;                         a ".." segment is refused with 403)
	;   GET  /api/counter     {"counter":N}
	;   POST /api/counter     adds 1 under LOCK, {"counter":N+1}
	;   GET  /api/kv          {"keys":["a","b",...]}
	;   GET|PUT|DELETE /api/kv/KEY
	;                         a small key/value store: the request body is the value
	;                         (at most 65536 bytes); GET gives {"key":"KEY","value":"..."}
	;   POST /api/upload      a body of any size, read in chunks: {"bytes":N,"lines":L}
	; HEAD works wherever GET does. Errors: 400 (malformed request, no Host in
	; HTTP/1.1), 403, 404, 405 (with Allow), 411, 413, 501 (Transfer-Encoding), 505.
	;
	new arg,port,root
	set arg=$zcmdline
	if arg="stop" do stop quit
	set port=+$piece(arg," "),root=$piece(arg," ",2)
	if root="" set root="www"
	do listen(port,root)
	quit
	;
listen(port,root)	; accept connections for ever, one JOB each, until ^HTTPD("stop")
	new dev,ev,h
	set dev="httpd"
	kill ^HTTPD("stop")
	open dev:(LISTEN=port_":TCP":ATTACH="listener":ZNODELAY):2:"SOCKET"
	else  write "cannot listen on port ",port,! halt
	use dev
	set port=$piece($key,"|",3)
	write /listen(128)
	set ^HTTPD("listener")=$job
	use $principal write "listening on ",port,!
	for  do  quit:$data(^HTTPD("stop"))
	. use dev
	. write /wait(1)
	. set ev=$piece($key,"|"),h=$piece($key,"|",2)
	. if ev'="CONNECT" quit
	. ; the socket leaves this device; the JOBbed process owns it from now on.
	. ; Job parameters must be string literals (GT.M's JOBPARSTR): hence the indirection.
	. use dev:(DETACH=h)
	. job @("conn(root):(INPUT=""SOCKET:"_h_""":OUTPUT=""SOCKET:"_h_""":ERROR=""/dev/null"")")
	close dev
	kill ^HTTPD("listener")
	use $principal write "stopped",!
	quit
	;
stop	; ask the listener to end, and wait (5 seconds at most) until it has
	new i
	if '$data(^HTTPD("listener")) write "no listener is running",! quit
	set ^HTTPD("stop")=1
	for i=1:1:50 quit:'$data(^HTTPD("listener"))  hang 0.1
	write $select($data(^HTTPD("listener")):"the listener did not answer",1:"stopped"),!
	quit
	;
conn(root)	; serve one connection: $PRINCIPAL is the socket passed by the listener
	new io
	set io=$principal,$etrap="goto fail^httpd"
	do requests(root)
	halt
	;
requests(root)	; answer the requests on device io (its current socket) until the last one
	new req,close
	use io:(DELIMITER=$char(13,10)_":"_$char(10):NOWRAP)
	for  quit:'$$request(.req)  do serve(.req,root,.close) quit:close  kill req
	quit
	;
fail	; an unexpected error: answer 500 if nothing was sent yet, then end
	set $etrap="halt"
	set close=1
	if '$get(sent) do error(500)
	halt
	;
request(req)	; read a request line and its headers into req; 0 at end of input
	; req("method"), req("target"), req("version"), req("h",lowercasename)=value;
	; req("bad")=status when the request cannot be served as it is
	new line,n,name,value
	for n=1:1:5 read line#8192:10 quit:'$test!$zeof  quit:line'=""
	if '$test!$zeof!(line="") quit 0
	set req("method")=$piece(line," "),req("target")=$piece(line," ",2),req("version")=$piece(line," ",3)
	if $length(line)=8192 set req("bad")=400
	if $length(line," ")'=3!(req("method")'?1.U)!($extract(req("target"))'="/") set req("bad")=400
	if req("version")'?1"HTTP/"1N1"."1N set req("bad")=400
	else  if req("version")'?1"HTTP/1."1N set req("bad")=505
	for n=1:1 read line#8192:10 quit:'$test!$zeof  quit:line=""  do
	. if $length(line)=8192!(n>100) set req("bad")=400 quit
	. set name=$$lower($piece(line,":")),value=$$trim($piece(line,":",2,$length(line,":")))
	. if line'[":"!(name="")!(name[" ")!(name[$char(9)) set req("bad")=400 quit
	. if $data(req("h",name)),name="content-length"!(name="host") set req("bad")=400 quit
	. set req("h",name)=value
	if '$test!$zeof quit 0
	if req("version")="HTTP/1.1",'$data(req("h","host")),'$data(req("bad")) set req("bad")=400
	quit 1
	;
serve(req,root,close)	; answer one request; close=1 when the connection ends after it
	new method,path,ver,conn,len,sent
	set method=req("method"),ver=req("version"),conn=$$lower($get(req("h","connection")))
	set close=$select(ver="HTTP/1.1":conn="close",1:conn'="keep-alive")
	set len=$get(req("h","content-length"))
	; requests whose body cannot be found end the connection after the answer
	if $data(req("bad")) set close=1 do error(req("bad")) quit
	if $data(req("h","transfer-encoding")) set close=1 do error(501) quit
	if len'="",len'?1.15N set close=1 do error(400) quit
	set len=+len
	if method="POST"!(method="PUT"),'$data(req("h","content-length")) set close=1 do error(411) quit
	set path=$$decode($piece(req("target"),"?"))
	; only an upload and a PUT read their body: drop the others' first
	if path'="/api/upload",'(method="PUT"&($extract(path,1,8)="/api/kv/")),'$$skip(len) set close=1 quit
	if path="" do error(400) quit
	if (path_"/")["/../" do error(403) quit
	if $extract(path,1,5)="/api/" do api(method,$extract(path,6,$length(path)),len) quit
	if method'="GET",method'="HEAD" do error(405,"GET, HEAD") quit
	do file(root,path)
	quit
	;
api(method,path,len)	; the JSON endpoints
	new key,value,n
	if path="counter" do  quit
	. if method="GET"!(method="HEAD") do json(200,"{""counter"":"_+$get(^HTTPD("counter"))_"}") quit
	. if method'="POST" do error(405,"GET, HEAD, POST") quit
	. lock +^HTTPD("counter"):5 else  do error(503) quit
	. set n=$get(^HTTPD("counter"))+1,^HTTPD("counter")=n
	. lock -^HTTPD("counter")
	. do json(200,"{""counter"":"_n_"}")
	if path="upload" do  quit
	. if method'="POST" set close=1 do error(405,"POST") quit
	. do upload(len)
	if path="kv" do  quit
	. if method'="GET",method'="HEAD" do error(405,"GET, HEAD") quit
	. do json(200,$$keys())
	if $extract(path,1,3)'="kv/" do error(404) quit
	set key=$extract(path,4,$length(path))
	if method="PUT" do  quit
	. if key'?1.32(1AN,1"_",1"-",1".") set:'$$skip(len) close=1 do error(400) quit
	. if len>65536 set close=1 do error(413) quit
	. if '$$body(len,.value) set close=1 quit
	. do json($$put(key,value),"{""key"":"""_key_"""}")
	if key'?1.32(1AN,1"_",1"-",1".") do error(400) quit
	if method="GET"!(method="HEAD") do  quit
	. if '$$get(key,.value) do error(404) quit
	. do json(200,"{""key"":"""_key_""",""value"":"""_$$escape(value)_"""}")
	if method="DELETE" do  quit
	. if '$$delete(key) do error(404) quit
	. do reply(204,"","")
	do error(405,"GET, HEAD, PUT, DELETE")
	quit
	;
put(key,value)	; store value (in pieces of 200 bytes, below the database's record size);
	; 201 when the key is new, 200 when it replaced a value
	new i,new
	lock +^HTTPD("kv",key):5 else  quit 503
	set new='$data(^HTTPD("kv",key))
	kill ^HTTPD("kv",key)
	set ^HTTPD("kv",key)=$length(value)
	for i=1:1:$length(value)+199\200 set ^HTTPD("kv",key,i)=$extract(value,i-1*200+1,i*200)
	lock -^HTTPD("kv",key)
	quit $select(new:201,1:200)
	;
get(key,value)	; 1 and the value if the key exists
	new i
	set value=""
	lock +^HTTPD("kv",key):5 else  quit 0
	if '$data(^HTTPD("kv",key)) lock -^HTTPD("kv",key) quit 0
	set i="" for  set i=$order(^HTTPD("kv",key,i)) quit:i=""  set value=value_^(i)
	lock -^HTTPD("kv",key)
	quit 1
	;
delete(key)	; 1 if the key existed
	new had
	lock +^HTTPD("kv",key):5 else  quit 0
	set had=$data(^HTTPD("kv",key))>0
	kill ^HTTPD("kv",key)
	lock -^HTTPD("kv",key)
	quit had
	;
keys()	; {"keys":[...]} in collating order
	new key,out
	set out="",key=""
	for  set key=$order(^HTTPD("kv",key)) quit:key=""  set out=out_$select(out="":"",1:",")_""""_key_""""
	quit "{""keys"":["_out_"]}"
	;
upload(len)	; read a body of any size in chunks; count its bytes and lines
	new got,lines,chunk
	set (got,lines)=0
	do continue
	use io:(NODELIMITER)
	for  quit:got'<len  read chunk#$select(len-got>32768:32768,1:len-got):10 quit:chunk=""  set got=got+$length(chunk),lines=lines+$length(chunk,$char(10))-1
	use io:(DELIMITER=$char(13,10)_":"_$char(10))
	if got<len set close=1 quit
	do json(200,"{""bytes"":"_got_",""lines"":"_lines_"}")
	quit
	;
body(len,value)	; read a body of len bytes into value; 0 if the client stops sending
	new chunk
	set value=""
	do continue
	use io:(NODELIMITER)
	for  quit:$length(value)'<len  read chunk#(len-$length(value)):10 quit:chunk=""  set value=value_chunk
	use io:(DELIMITER=$char(13,10)_":"_$char(10))
	quit $length(value)'<len
	;
continue	; a client that sent "Expect: 100-continue" waits for this before its body
	if $$lower($get(req("h","expect")))="100-continue" use io write "HTTP/1.1 100 Continue",$char(13,10,13,10)
	quit
	;
skip(len)	; read and drop a body nobody uses; 0 if the client stops sending
	new got,chunk
	set got=0
	quit:'len 1
	do continue
	use io:(NODELIMITER)
	for  quit:got'<len  read chunk#$select(len-got>32768:32768,1:len-got):10 quit:chunk=""  set got=got+$length(chunk)
	use io:(DELIMITER=$char(13,10)_":"_$char(10))
	quit got'<len
	;
file(root,path)	; GET or HEAD of a file under root
	new name,body,size
	set name=root_path
	if $extract(name,$length(name))="/" set name=name_"index.html"
	set size=$$load(name,.body)
	if size<0 do error(404) quit
	do reply(200,$$type(name),.body,size)
	quit
	;
load(name,body)	; read a whole file (any bytes) into body(1..n); its size, or -1
	new $etrap,n,size,x
	set $etrap="set $ecode="""" close name quit -1"
	set (n,size)=0
	open name:(READONLY:FIXED:RECORDSIZE=32768):0 else  quit -1
	use name
	for  read x quit:$zeof  set n=n+1,body(n)=x,size=size+$length(x)
	close name
	use io
	quit size
	;
type(name)	; the Content-Type for a file name's extension
	new ext
	set ext=$$lower($piece(name,".",$length(name,".")))
	if ext="html"!(ext="htm") quit "text/html; charset=utf-8"
	if ext="txt"!(ext="m") quit "text/plain; charset=utf-8"
	if ext="css" quit "text/css"
	if ext="js" quit "text/javascript"
	if ext="json" quit "application/json"
	if ext="png" quit "image/png"
	quit "application/octet-stream"
	;
json(status,text)	; a JSON reply
	new body
	set body(1)=text
	do reply(status,"application/json",.body,$length(text))
	quit
	;
error(status,allow)	; an error reply with a one-line text body
	new body
	set body(1)=status_" "_$$reason(status)_$char(10)
	do reply(status,"text/plain; charset=utf-8",.body,$length(body(1)),$get(allow))
	quit
	;
reply(status,type,body,size,allow)	; send the status line, the headers and body(1..n)
	new crlf,i
	set crlf=$char(13,10),sent=1
	use io
	write "HTTP/1.1 ",status," ",$$reason(status),crlf
	write "Date: ",$$date(),crlf,"Server: httpd.m",crlf
	if $get(allow)'="" write "Allow: ",allow,crlf
	if status'=204 write "Content-Type: ",type,crlf,"Content-Length: ",+$get(size),crlf
	write "Connection: ",$select($get(close):"close",1:"keep-alive"),crlf,crlf
	if $get(method)'="HEAD",status'=204 set i="" for  set i=$order(body(i)) quit:i=""  write body(i)
	quit
	;
reason(status)	; the reason phrase of a status code
	quit $select(status=200:"OK",status=201:"Created",status=204:"No Content",status=400:"Bad Request",status=403:"Forbidden",status=404:"Not Found",status=405:"Method Not Allowed",status=411:"Length Required",status=413:"Content Too Large",status=500:"Internal Server Error",status=501:"Not Implemented",status=503:"Service Unavailable",status=505:"HTTP Version Not Supported",1:"Unknown")
	;
date()	; now, as HTTP writes it: "Tue, 01 Dec 2026 03:17:53 GMT"
	new s,d
	set s=$zut\1000000
	set d=$zdate((s\86400+47117)_","_(s#86400),"DAY, DD MON YEAR 24:60:SS")
	quit $extract(d)_$$lower($extract(d,2,3))_", "_$extract(d,6,8)_$extract(d,9)_$$lower($extract(d,10,11))_$extract(d,12,$length(d))_" GMT"
	;
decode(path)	; undo %XX escapes; "" when one is malformed or gives a NUL
	new out,i,hex
	if path'["%" quit path
	set out=$piece(path,"%")
	for i=2:1:$length(path,"%") set hex=$$upper($extract($piece(path,"%",i),1,2)) quit:hex'?2(1N,1"A",1"B",1"C",1"D",1"E",1"F")  quit:hex="00"  set out=out_$char($find("0123456789ABCDEF",$extract(hex))-2*16+$find("0123456789ABCDEF",$extract(hex,2))-2)_$extract($piece(path,"%",i),3,$length($piece(path,"%",i)))
	if i'=$length(path,"%") quit ""
	if hex'?2(1N,1"A",1"B",1"C",1"D",1"E",1"F")!(hex="00") quit ""
	quit out
	;
escape(s)	; s as the inside of a JSON string
	new out,i,c
	if $translate(s,"""\"_$char(0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,127))=s quit s
	set out=""
	for i=1:1:$length(s) set c=$extract(s,i) set out=out_$select(c="""":"\""",c="\":"\\",c=$char(10):"\n",c=$char(13):"\r",c=$char(9):"\t",$ascii(c)<32!($ascii(c)=127):"\u00"_$extract("0123456789abcdef",$ascii(c)\16+1)_$extract("0123456789abcdef",$ascii(c)#16+1),1:c)
	quit out
	;
trim(s)	; without leading and trailing spaces and tabs
	new i,j
	for i=1:1:$length(s)+1 quit:" "_$char(9)'[$extract(s,i)
	for j=$length(s):-1:i quit:" "_$char(9)'[$extract(s,j)
	quit $extract(s,i,j)
	;
lower(s)	quit $translate(s,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")
	;
upper(s)	quit $translate(s,"abcdefghijklmnopqrstuvwxyz","ABCDEFGHIJKLMNOPQRSTUVWXYZ")
