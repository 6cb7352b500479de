text	; area: $TEXT, reading a routine's own lines (a table kept in comments)
	new i,j,n,l
	set n=0
	for i=1:1:100000 for j=1:1:8 set l=$text(data+j),n=n+$length(l)+$length($piece(l,";",3))
	write "text ",n,!
	quit
data	;;
	;;alpha;1;first
	;;beta;2;second
	;;gamma;3;third
	;;delta;4;fourth
	;;epsilon;5;fifth
	;;zeta;6;sixth
	;;eta;7;seventh
	;;theta;8;eighth
