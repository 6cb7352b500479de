wtime	; a peer that never answers: timed READ and WRITE /WAIT give up after 1 s
	new p,x
	set p=+$zcmdline
	do connect^wlib(p)
	use "s" read x:1 do show^wlib("read x:1")
	write /wait(1) do show^wlib("write /wait(1)")
	close "s"
	quit
