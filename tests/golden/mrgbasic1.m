mrgbasic1 ; MERGE of local trees
 set a=1,a(1)="a1",a(1,2)="a12",a(2)="a2"
 merge b=a
 write "b=",b," b(1)=",b(1)," b(1,2)=",b(1,2)," b(2)=",b(2),!
 merge c(9)=a
 write "c(9)=",c(9)," c(9,1,2)=",c(9,1,2)," $d(c)=",$data(c),!
 merge d=a(1)
 write "d=",d," d(2)=",d(2)," $d(d(1))=",$data(d(1)),!
 set e(1)="old",e(5)="keep" merge e=a
 write "e(1)=",e(1)," e(5)=",e(5)," e=",e,!
 merge f(1,2)=a(1,2) write "f(1,2)=",f(1,2)," $d(f(1))=",$data(f(1)),!
 merge g=nosuch write "merge undefined source: $d(g)=",$data(g),!
 merge h=a,i=a(2) write "two args: ",h(2)," ",i,!
 quit
