arrdeep1 ; deep and wide arrays, counting nodes with $ORDER
 for i=1:1:20 for j=1:1:5 set a(i,j)=i*j
 set n=0,i="" for  set i=$order(a(i)) quit:i=""  set j="" for  set j=$order(a(i,j)) quit:j=""  set n=n+1
 write "nodes=",n,!
 write "a(20,5)=",a(20,5),!
 set s=0,i="" for  set i=$order(a(i),-1) quit:i=""  set s=s+a(i,1)
 write "sum a(i,1)=",s,!
 set d(1,2,3,4,5,6,7,8)="deep"
 write "deep=",d(1,2,3,4,5,6,7,8)," $d(d(1,2,3,4))=",$data(d(1,2,3,4)),!
 set w("a","b","c")=1,w("a","b","d")=2,w("a","e")=3
 set k="" for  set k=$order(w("a","b",k)) quit:k=""  write "w(a,b,",k,")=",w("a","b",k),!
 write "last under a: ",$order(w("a",""),-1),!
 quit
