find	; area: $FIND, scanning a line for one- and several-character needles
	new i,p,s,n
	set s="alpha,beta;gamma delta,epsilon;zeta eta,theta;iota kappa,lambda;mu"
	set n=0
	for i=1:1:300000 do
	. set p=0 for  set p=$find(s,",",p) quit:'p  set n=n+p
	. set n=n+$find(s,"kappa")+$find(s,"mu",10)
	write "find ",n,!
	quit
