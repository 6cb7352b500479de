newexcl2 ; exclusive NEW: on QUIT every variable but the kept ones is as before, even those first made inside
 s a=1,b=2,c=3
 d sub
 w $d(a),$d(b),$d(c),$d(d),$d(e),!
 w a,b,c,!
 d sub2
 w $d(d),$d(f),$g(f),!
 w $$ext,"|",$d(g),$d(a),!
 zwrite
 q
sub n (a)
 s a=10,b=20,d=4,e(1)=5
 w $d(b),$d(c),!
 q
sub2 n (a,f)
 s f=6,d=7
 d sub3
 q
sub3 s g=8 q
ext() n (a) s g=9 q a
