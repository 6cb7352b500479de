setinplace2 ; SET x(k)=$GET(x(k))+y, the total per key, and SET x(a,b)=v
 set $etrap="write $piece($zstatus,"","",2,4),"" "",$ecode,! set $ecode="""" quit"
 for t=1:1:9 write t,": " do @("t"_t)
 quit
t1 ; new nodes, nodes with a value, a node with only children, a string value
 new x,k,y,i set x(2)=5,x(3,1)="c",x(4)="abc",x(5)="12abc",y=2
 for i=1:1:2 for k=1:1:5 set x(k)=$get(x(k))+y
 set x("k")=$get(x("k"))+1.5,x(-1)=$get(x(-1))+"-0.5",x(1.0)=$get(x(1.0))+1
 zwrite x
 quit
t2 ; two subscripts, a string key, the value a local's length
 new t,k,f set f(1)="Smith, John",f(2)=12.50
 for k=1:1:2 set t(k)=$get(t(k))+f(k),t(k,"len")=$get(t(k,"len"))+$length(f(k))
 for k=1:1:2 set t(k)=$get(t(k))+f(k),t(k,"len")=$get(t(k,"len"))+$length(f(k))
 zwrite t
 quit
t3 ; y undefined: UNDEF, nothing made
 new x,k set k=1 set x(k)=$get(x(k))+y write "not reached",!
 quit
t4 new x,k set k=1 set x(k)=$get(x(k))+y write "not reached",!
 quit
t5 ; k undefined
 new x,k set x(k)=$get(x(k))+1 write "not reached",!
 quit
t6 ; NUMOFLOW: the node keeps its value
 new x,k set k=1,x(1)=9E46 set x(k)=$get(x(k))+9E46 write "not reached",!
 quit
t7 new x,k set k=1,x(1)=9E46 do t7a,t7b,t7c zwrite x write $data(x(2)),$data(x(3,4)),!
 quit
t7a set x(k)=$get(x(k))+9E46 quit
t7b set k=2 set x(k)=$get(x(k))+y quit
t7c set x(3,4)=$get(x(3,4))+y quit
t8 ; a default, another name, other subscripts: the general path
 new x,z,k set k=1 set x(k)=$get(x(k),10)+1,z(k)=$get(x(k))+1,x(k,2)=$get(x(k))+1,x(2)=$get(x(k))+1
 zwrite x,z
 quit
t9 ; y changes no local but reads the node
 new x,k set k="a",x("a")=1 set x(k)=$get(x(k))+x(k) zwrite x
 set x(k,k)=$get(x(k,k))+$get(x(k)) zwrite x
 quit
