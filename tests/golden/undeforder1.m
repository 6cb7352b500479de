undeforder1	; which of two undefined variables an operator names first (GT.M reads a plain
	; local left operand when the operator runs, after computing its right operand)
	new $etrap set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	set x="b"
	do a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15
	do b1,b2,b3,b4,b5,b6,b7,b8,b9,b10,b11,b12,b13
	do c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13
	quit
a1	write a+(b),! quit
a2	write a+-b,! quit
a3	write a*$length(b),! quit
a4	write a=$length(b),! quit
a5	write a_$length(b),! quit
a6	write a+@x,! quit
a7	write a(1)+$length(b),! quit
a8	write a+(b+$length(c)),! quit
a9	write a+$length(b)+c,! quit
a10	write a+$get(b(c)),! quit
a11	write a+$select(b:1),! quit
a12	write a>$length(b),! quit
a13	write a&$length(b),! quit
a14	write a+$$f(b),! quit
a15	write a+$data(b(c)),! quit
b1	write a+$get(b),! quit
b2	write a+$order(b(c)),! quit
b3	write a+$length(b(c)),! quit
b4	write a+$extract(b),! quit
b5	write a+$piece(b,1),! quit
b6	write a+$name(b(c)),! quit
b7	write a+$get(b,c),! quit
b8	write a+$get(b(1),c),! quit
b9	write a+'b,! quit
b10	write a+(b_c),! quit
b11	write a+$char(b),! quit
b12	write a+$query(b(c)),! quit
b13	write undefn+$length($extract(undefs,1,2)),! quit
c1	write a+b(c),! quit
c2	write a+$order(b(c),1),! quit
c3	write a+$data(b(c))+d,! quit
c4	write a-$ascii(b),! quit
c5	new c set c=1 write a+b(c),! quit
c6	write a[$length(b),! quit
c7	write a]]$length(b),! quit
c8	write a**$length(b),! quit
c9	write a'=$length(b),! quit
c10	write a+$data(^b(c)),! quit
c11	write a+^b(c),! quit
c12	write a+$order(^b(c)),! quit
c13	new y set y=a+$length(b) quit
f(z)	quit z
