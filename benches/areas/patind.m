patind	; area: pattern match with a pattern built at run time with _
	new i,n,s,p,q
	set n=0,p="1.3N",q="1""-""1.4N"
	for i=1:1:300000 do
	. set s=(i#1000)_"-"_(i#9999)
	. if s?@(p_q) set n=n+1
	. if s?@(".E1"""_(i#10)_""".E") set n=n+2
	write "patind ",n,!
	quit
