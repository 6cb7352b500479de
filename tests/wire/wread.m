wread	; READs fed by a raw Rust peer; the second argument chooses the conversation
	new p,c,x
	set p=$piece($zcmdline," "),c=$piece($zcmdline," ",2)
	do connect^wlib(p)
	do:c="partial" partial do:c="packets" packets do:c="merged" merged
	do:c="readn" readn do:c="star" star do:c="order" order do:c="long" long
	close "s"
	quit
partial	use "s" read x:1 do show^wlib("part, after 1 s")
	read x:5 do show^wlib("the rest")
	quit
packets	use "s" read x:10 do show^wlib("one byte per packet")
	quit
merged	use "s" read x:5 do show^wlib("first")
	read x:5 do show^wlib("second")
	read x:5 do show^wlib("third")
	quit
readn	use "s" read x#5:10 do show^wlib("x#5")
	read x:10 do show^wlib("the rest")
	quit
star	use "s" read *x:5 do show^wlib("*x of Q")
	read *x:5 do show^wlib("*x of LF")
	quit
order	use "s" read x:5 do show^wlib("$C(13,10):$C(10)")
	use "s":(DELIMITER=$char(10)_":"_$char(13,10)) read x:5 do show^wlib("$C(10):$C(13,10)")
	quit
long	new l,y
	use "s" read x:60 set l=$length(x) do show2("first READ")
	read x:60 set l=$length(x) do show2("second READ")
	quit
show2(what)	new t,k,z
	set t=$test,k=$key,z=$zb
	use $principal
	write what,": $LENGTH=",l," $TEST=",t," $KEY=",$zwrite(k)," $ZB=",$zwrite(z)
	write " head=",$extract(x,1,10)," tail=",$extract(x,l-9,l),!
	use "s"
	quit
