xxdoarg1 ; DO with arguments, postconditionals, and mixed value/reference
 set n=5,list=""
 do add(.list,"a"),add(.list,"b"):n>3,add(.list,"c"):n>9
 write "list=",list,!
 do add^xxdoarg1(.list,"d")
 write "list=",list,!
 set m=2 do swap(.n,.m) write "n=",n," m=",m,!
 do swap(.p,.q) write "p=",$data(p)," q=",$data(q),!
 quit
add(l,v) set l=l_v quit
swap(x,y) new t set t=$get(x) set x=$get(y),y=t quit
