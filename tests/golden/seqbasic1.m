seqbasic1 ; sequential file: NEWVERSION, WRITE, CLOSE, READONLY, READ until $ZEOF, CLOSE DELETE
 set f="/tmp/minimgold4-seqbasic1.txt"
 open f:(newversion) use f
 write "alpha",!,"beta",!
 write "gamma"
 write !
 close f
 open f:(readonly) use f
 set n=0 for  read x quit:$zeof  set n=n+1,l(n)=x
 close f
 write "lines=",n,!
 for i=1:1:n write i,": ",l(i),!
 close f:(delete)
 open f close f:(delete)
 write "deleted",!
 quit
