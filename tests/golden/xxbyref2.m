xxbyref2 ; by reference passes the whole array tree
 kill arr
 set arr=0,arr(1)="one",arr(2,1)="two-one"
 do add(.arr)
 write "arr(3)=",arr(3),!
 write "arr(2,1)=",arr(2,1),!
 write "arr=",arr,!
 set k="" for  set k=$order(arr(k)) quit:k=""  write "k=",k,!
 write "count=",$$count(.arr),!
 do wipe(.arr)
 write "after kill in callee: ",$data(arr),!
 kill t do build(.t) write "t(1,2)=",t(1,2)," $d(t)=",$data(t),!
 quit
add(a) set a(3)="three",a(2,1)=a(2,1)_"!",a=a+1 quit
count(a) new n,i set n=0,i="" for  set i=$order(a(i)) quit:i=""  set n=n+1
 quit n
wipe(a) kill a quit
build(x) set x(1,2)="built" quit
