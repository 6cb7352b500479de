pattern	; area: pattern match with a literal pattern
	new i,n,s
	set n=0
	for i=1:1:300000 do
	. set s=(i#1000)_"-"_(i#9999)
	. if s?1.3N1"-"1.4N set n=n+1
	. if s?.E1"9".E set n=n+2
	. if ("AB"_i)?2U1.N set n=n+3
	write "pattern ",n,!
	quit
