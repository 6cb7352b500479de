killall1 ; argumentless KILL and exclusive KILL
 set a=1,b=2,c=3,d(1)=4,e=5
 kill (a,d)
 write "a:",$data(a)," b:",$data(b)," c:",$data(c)," d:",$data(d)," e:",$data(e),!
 set b=2,c=3
 kill (b)
 write "a:",$data(a)," b:",$data(b)," c:",$data(c)," d:",$data(d),!
 set f=6
 kill
 write "after kill: b:",$data(b)," f:",$data(f),!
 set g=7,h=8
 KILL  write "argless kill then write: g:",$data(g)," h:",$data(h),!
 set i=1,j=2,k=3
 k (i),j
 write "i:",$data(i)," j:",$data(j)," k:",$data(k),!
 quit
