allbytes1 ; every byte 0-255 through XECUTE, indirection, $QUERY, $NAME, ZWRITE, $ZWRITE and OPEN
 new i,c,bad,x,y,q,n,f,r,d
 set bad=0 for i=0:1:255 set c="set y="""_$select(i=34:"""""",1:$char(i))_"""" xecute c if y'=$char(i) set bad=bad+1
 write "xecute: ",bad,!
 set bad=0 for i=0:1:255 set x="y",@x=$char(i),n="a("_$zwrite($char(i))_")" set @n=i if $get(a($char(i)))'=i!(y'=$char(i)) set bad=bad+1
 write "indirection: ",bad,!
 set bad=0,q="a" for i=0:1 set q=$query(@q) quit:q=""  if @q'=$ascii($qsubscript(q,1))!($data(@q)'=1) set bad=bad+1
 write "query: ",bad," after ",i,!
 set bad=0 for i=0:1:255 set n=$name(a($char(i))) if $qsubscript(n,1)'=$char(i)!(@n'=i) set bad=bad+1
 write "name: ",bad,!
 set bad=0 for i=0:1:255 set x=$zwrite($char(i)) if $zwrite(x,1)'=$char(i) set bad=bad+1
 write "zwrite: ",bad,!
 zwrite a
 set d="/tmp/allbytes-"_$job,bad=0
 for i=1:1:255 if i'=47 set f=d_"-"_$char(i) open f:newversion use f write i,! close f open f:readonly use f read r close f:delete use $principal if r'=i set bad=bad+1
 write "open: ",bad,!
 quit
