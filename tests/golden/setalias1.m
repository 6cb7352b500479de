setalias1 ; SET $TRANSLATE and $PIECE through by-reference parameters (another name for the target)
 new t,s
 set t="The Quick Brown Fox, Jumps Over; The Lazy Dog!",s=t_t
 do f(.t,.s)
 write t,!,s,!
 quit
f(y,z) set t=$translate(y,"abc","ABC") write t,! set y=$translate(t,"T","t") write y,!
 set z=$translate(z,"o","0") write s,!
 set s=$translate(z,"0","o") write z,!
 set $piece(s," ",2)=$translate(z,"Q","q") write s,!
 quit
