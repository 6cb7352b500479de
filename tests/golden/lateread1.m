lateread1	; GT.M reads a local variable operand when the operation that uses it runs: after
	; the operation's other operands, whose extrinsics or $INCREMENT may change it
	set x=1 write x+$$bump(),"|",$$bump()+x,"|",x*10+$$bump(),!
	set x=1 write x+$$bump()+x,"|",x+($$bump()*2),"|",-x+$$bump(),!
	set x=1 write x=$$five(),"|",x'<$$five(),"|",x[$$five(),"|",x-$$bump(),!
	set x=1 write x**$$bump(),"|",x#$$bump(),"|",x\$$bump(),!
	set x=1 write x+$increment(x),"|",x+$increment(x)+x,!
	; concatenation and unary operators read it in order
	set x=1 write x_$$bump(),"|",x_$increment(x),"|",+x+$$bump(),!
	; a subscripted local: looked up in order, its value read late
	set y(1)=1 write y(1)+$$bumpy(),!
	set j=1,y(1)=10,y(2)=20 write y(j)+$increment(j),!
	; subscripts: the plain locals among them last
	set j=1,z(1,2)=12,z(2,2)=22 write z(j,$increment(j)),!
	set j=1 write $get(z(j,$increment(j))),"|",$name(z(j,$increment(j))),!
	set j=1 write $name(^z(j,$increment(j))),"|",$name(z(j+0,$increment(j))),!
	set j=1,v="z(j)" write @v@($increment(j)),!
	; a SET target written out takes its subscripts in order, one made by indirection not
	set j=1 kill w set w(j,$increment(j))=j,j=1,@"w(j,$increment(j))"=j zwrite w
	; MERGE: the target after the source
	set j=1,s(2)=2,(t(1),t(2))=0 merge t(j)=s($increment(j)) zwrite t
	; actual parameters: the plain locals passed by value last
	set j=1 write $$pair(j,$increment(j)),"|" do show(j,$increment(j))
	set j=1 write $$pair(.j,$increment(j)),"|",$$pair(j_"",$increment(j)),!
	quit
bump()	set x=x+1
	quit 5
five()	set x=5
	quit 5
bumpy()	set y(1)=100
	quit 5
pair(a,b)	quit a_":"_b
show(a,b)	write a,":",b,!
	quit
