sockcloseio ; CLOSE of the current socket device (even one socket of it) makes $PRINCIPAL current
 new p,h,io
 open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
 use "srv" set p=$piece($key,"|",3) write /listen(1)
 open "cli":(CONNECT="127.0.0.1:"_p_":TCP":ATTACH="me"):5:"SOCKET"
 use "srv" write /wait(5) set h=$piece($key,"|",2)
 use "srv" close "srv":(SOCKET=h) set io=$io
 use $principal write "after closing one socket: $IO=",io,!
 use "cli" close "cli" set io=$io
 use $principal write "after closing the device: $IO=",io,!
 close "srv"
 quit
