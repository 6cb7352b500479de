wwrap	; WRAP at the width 255 sends the first delimiter; NOWRAP does not
	new p
	set p=+$zcmdline
	do connect^wlib(p)
	use "s":(DELIMITER=$char(10))
	write $$fill^wlib(300,"w") do xy^wlib("300 characters, WRAP")
	write ! do xy^wlib("then !")
	write $$fill^wlib(255,"e") do xy^wlib("255 characters, WRAP")
	write ! do xy^wlib("then !")
	use "s":(NOWRAP) write $$fill^wlib(300,"n") do xy^wlib("300 characters, NOWRAP")
	write ! do xy^wlib("then !")
	close "s"
	quit
