gvcoll1 ; collation of numeric and string subscripts
 for s=-1.5,-1,-0.5,0,.5,1,2,10,1E20,1E-20,-1E20,100,"01","1.0","+1","-0","1E3"," ","a","A","Z","ab","-","." set ^C(s)=""
 set s="" for  set s=$order(^C(s)) quit:s=""  write "[",s,"]"
 write !
 set s="" for  set s=$order(^C(s),-1) quit:s=""  write "[",s,"]"
 write !
 zwrite ^C
 set ^D("2")=1,^D(2.0)=2,^D("2.0")=3,^D(+"2.0")=4,^D(0.50)=5,^D(".5")=6,^D("0.5")=7
 zwrite ^D
