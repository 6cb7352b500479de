indfor1 ; indirection in FOR, $SELECT, and of a whole local list
 set v="i"
 for @v=1:1:3 write "i=",i," "
 write !
 set names="a,b,c" for j=1:1:3 set @$piece(names,",",j)=j*j
 write "a=",a," b=",b," c=",c,!
 set lst="a,b" new @lst write "new @lst: ",$data(a),$data(b),$data(c),!
 quit
