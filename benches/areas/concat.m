concat	; area: concatenation (short strings built and dropped)
	new i,s,t,n
	set n=0,s=""
	for i=1:1:2000000 set t="ab"_"cd"_s,s=s_"x" set:$length(s)>40 n=n+$length(t),s=""
	write "concat ",n," ",s,!
	quit
