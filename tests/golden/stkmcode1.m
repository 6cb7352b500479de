stkmcode1 ; $STACK(n,"MCODE") in an error trap: the failing line laid out as $TEXT shows it
	s $et="d et^stkmcode1"
	d bad,bad2,bad3
 w "end",!
 q
bad	w 1/0	q
bad2  ;c
		s x=1 w x/0  q
bad3(a)		w 1/0 q
et w $st,"|",$st($st-1,"PLACE"),"|",$zwrite($st($st-1,"MCODE")),"|",$st($st,"PLACE"),"|",$st(1,"PLACE"),"|",$zwrite($st(1,"MCODE")),"|",$st(0,"PLACE"),! s $ec="" q
