fnchar3 ; $CHAR and $ASCII round trip over all 256 codes, and pattern classes of each code
 set ok=1 for i=0:1:255 set:$ascii($char(i))'=i ok=0
 write "round trip 0..255: ",ok,!
 set all="" for i=0:1:255 set all=all_$char(i)
 write "len all=",$length(all),!
 set (a,c,l,n,p,u,e)=0
 for i=1:1:256 set ch=$extract(all,i) do
 . set:ch?1A a=a+1 set:ch?1C c=c+1 set:ch?1L l=l+1 set:ch?1N n=n+1
 . set:ch?1P p=p+1 set:ch?1U u=u+1 set:ch?1E e=e+1
 write "A=",a," C=",c," L=",l," N=",n," P=",p," U=",u," E=",e,!
 set s="" for i=0:1:127 set:$char(i)?1P s=s_$char(i)
 write "P chars: ",s,!
 write "C codes: " for i=0:1:255 write:$char(i)?1C i," "
 write !
 quit
