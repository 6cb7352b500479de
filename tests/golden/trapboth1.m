trapboth1 ; setting $ETRAP clears $ZTRAP and setting $ZTRAP clears $ETRAP
 set $ztrap="write ""z"""
 set $etrap="write ""e"""
 write "after etrap: ztrap=[",$ztrap,"] etrap=[",$etrap,"]",!
 set $ztrap="write ""z2"""
 write "after ztrap: ztrap=[",$ztrap,"] etrap=[",$etrap,"]",!
 set $etrap=""
 write "after etrap empty: ztrap=[",$ztrap,"]",!
 quit
