socklisten	; LISTEN="0:TCP": the system picks the port; $KEY before and after USE; /LISTEN
	new p,k,t,p2
	open "srv":(LISTEN="0:TCP":ATTACH="lis"):5:"SOCKET"
	set t=$test,k=$key
	write "OPEN LISTEN=""0:TCP"" $TEST=",t," $IO=$PRINCIPAL: ",$io=$principal," $KEY=",$zwrite(k),!
	use "srv" set k=$key,d=$device,za=$za,zeof=$zeof
	set p=$piece(k,"|",3)
	use $principal
	write "after USE: $KEY pieces=",$length(k,"|")," event=",$piece(k,"|",1)," handle=",$piece(k,"|",2)
	write " port is a number>0: ",(p=+p)&(p>0),!
	write "  $DEVICE=",$zwrite(d)," $ZA=",za," $ZEOF=",zeof,!
	use "srv" write /listen(1) set k=$key,t=$test
	use $principal write "after WRITE /LISTEN(1): event=",$piece(k,"|")," same port: ",$piece(k,"|",3)=p," $TEST=",t,!
	close "srv"
	open "srv2":(LISTEN=p_":TCP":ATTACH="again"):5:"SOCKET" set t=$test
	use "srv2" set k=$key use $principal
	write "listen again on the same port after CLOSE: $TEST=",t," event=",$piece(k,"|")," handle=",$piece(k,"|",2)," same port: ",$piece(k,"|",3)=p,!
	close "srv2"
	quit
