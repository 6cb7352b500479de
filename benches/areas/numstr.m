numstr	; area: number <-> string (numbers written into strings, strings read as numbers)
	new i,s,n
	set n=0
	for i=1:1:1000000 set s=i_"",n=n+s+("12.5"_i),s=(i*7)_"."_(i#100)
	write "numstr ",n," ",s,!
	quit
