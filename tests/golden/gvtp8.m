gvtp8 ; nested TSTART restore lists: a restart puts each list's variables back as they were at
 ; its TSTART (the outermost list wins for a name listed twice); a committed or rolled-back
 ; level's list is forgotten; TSTART * nested
 s ^g=0,a=1,b=1,c=1 k d
 tstart (a) w "T",$trestart," a=",a," b=",b," c=",c," d=",$g(d,"u"),! s a=2,b=2,c=2 tstart (b,d) s b=3,d=3 tstart (a,c) s a=4,c=4 i $trestart<2 trestart
 tcommit  tcommit  tcommit
 w "end a=",a," b=",b," c=",c," d=",d,!
 s x=1,y=1
 tstart (x) w "U",$trestart," x=",x," y=",y,! s x=2,y=2 tstart (y) s y=3 tcommit  s y=4 i $trestart<1 trestart
 tcommit
 w "end x=",x," y=",y,!
 s m=1,n=1
 tstart (m) w "X",$trestart," m=",m," n=",n,! s m=2,n=2 tstart (n) s n=3 trollback 1 s n=5 i $trestart<1 trestart
 tcommit
 w "end m=",m," n=",n,!
 s p=1,q=1
 tstart ():serial w "V",$trestart," p=",p," q=",q,! s p=2,q=2 tstart (q) s q=3,^g=^g+1 i $trestart<1 trestart
 tcommit  tcommit
 w "end p=",p," q=",q," ^g=",^g,!
 s r(1)=1,r(2)=2 k zz
 tstart (r) w "W",$trestart," zz=",$g(zz,"u")," " zwr r  k r(1) s r(3)=3 tstart *:serial s r(2)=9,zz=1 i $trestart<2 trestart
 tcommit  tcommit
 zwr r,zz
 s k(1)=1
 d sub w "end k(1)=",k(1),!
 q
sub tstart (k) w "Y",$trestart," k(1)=",k(1),! s k(1)=2 d inner tcommit  q
inner tstart (k) s k(1)=3 i $trestart<1 trestart
 tcommit  q
