fnselect2 ; nested $SELECT and only the chosen value is evaluated
 set a=2,b=0
 write $select(a=1:"a1",a=2:$select(b:"a2b",1:"a2notb"),1:"other"),!
 write $select($select(a>1:1,1:0):"outer true",1:"outer false"),!
 write "no divide: ",$select(b=0:"b is zero",1:a/b),!
 write "no divide: ",$select(b'=0:a/b,1:"skipped"),!
 set n=0 for i=1:1:5 set n=n+$select(i#2:i,1:0)
 write "sum odd=",n,!
 write $$grade(95)," ",$$grade(85)," ",$$grade(50),!
 quit
grade(s) quit $select(s'<90:"A",s'<80:"B",1:"F")
