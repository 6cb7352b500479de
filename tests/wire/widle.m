widle	; waits idle in WRITE /WAIT(30), then in read x:30 with half a line received
	new p,x
	set p=+$zcmdline,x=""
	do connect^wlib(p)
	use $principal write "waiting",!
	use "s" write /wait(30) do show^wlib("write /wait(30)")
	read x:30 do show^wlib("read x:30")
	close "s"
	quit
