arith	; area: arithmetic (+ - * / \ # and comparisons on integers and decimals)
	new i,x,y,z
	set (x,y,z)=0
	for i=1:1:1000000 set x=x+i,y=y*3+i#1000003,z=z+(i/8)-(i\3) if x>y set z=z-1
	write "arith ",x," ",y," ",z,!
	quit
