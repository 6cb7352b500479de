arrcoll1 ; subscript collation: numbers first (numeric order), then strings
 for s=10,2,-1,-1.5,0,.5,"abc","ABC","b","01","1.0","10a"," ","a b",1E3,"1E3",3.14,-100,"-","+1" set x(s)=""
 set k="" for  set k=$order(x(k)) quit:k=""  write "[",k,"]",!
 quit
