translate	; area: $TRANSLATE, case folding and deleting characters
	new i,s,t,n
	set s="The Quick Brown Fox, Jumps Over; The Lazy Dog!"
	set n=0
	for i=1:1:600000 set t=$translate(s,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz"),n=n+$ascii(t,i#40+1)+$length($translate(t,",;! "))
	write "translate ",n," ",t,!
	quit
