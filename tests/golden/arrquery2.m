arrquery2 ; $QUERY walks x("") in collation order; assorted functions and operators
 set a("x""y",2)=1,a(-1.5)=2,a("")=3,a(1E3)=4
 set q="a" for  set q=$query(@q) quit:q=""  write q,"=",@q,!
 write $zwrite("1E3"),$zwrite(.50),$zwrite(-0),$zwrite("0.5"),$zwrite(1E3),!
 write $fnumber(1234567.891,",",2),"|",$fnumber(-0.5,"P",1),"|",$fnumber(12,"T+"),!
 write $order(a(""),-1),"|",$order(a(1000),-1),"|",$data(a("x""y")),!
 set s="" for i=1:1:5 set s=s_$select(i#2:"o",1:"e")
 write s,! write "abc"]"abd","abc"]]"ab",10]]9,"10"]]"9a",!
 write $translate("hello world","lo","01"),$reverse(123),$find("aaa","a",2),!
 write $extract("hello",-1,2),"|",$piece("a.b.c",".",0,1),"|",$length("a.b.c","."),!
 write 7\2,-7\2,7#-2,2**-2,"2abc"*3,+"1e5",!
 write $justify(3.14159,10,3),$justify("ab",1),$justify(-.5,6,0),!
 quit
