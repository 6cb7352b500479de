wwrite	; what WRITE puts on the wire: !, #, *n, ?n with several delimiter settings
	new p
	set p=+$zcmdline
	do connect^wlib(p)
	use "s" write "x",! do xy^wlib("! with $C(13,10):$C(10)")
	use "s":(DELIMITER="ab:cd") write "x",! do xy^wlib("! with ab:cd")
	use "s":(NODELIMITER) write "x",! do xy^wlib("! with NODELIMITER")
	write "[",#,"]" do xy^wlib("# without ZFF")
	use "s":(ZFF=$char(12)) write "[",#,"]" do xy^wlib("# with ZFF=$C(12)")
	write *65,*66 do xy^wlib("*65,*66")
	write !,"12",?10,"|" do xy^wlib("?10 from $X=2")
	close "s"
	quit
