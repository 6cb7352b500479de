undefref	; $REFERENCE after an error in a global's subscripts (GT.M 7.0): an undefined
	; unsubscripted local is found as the key is built, after the subscripts before it;
	; any other error in a subscript leaves the last reference as it was.
	new i,j,a,z
	set ^N(1)=1,i=1,z=0
	set $etrap="write $piece($zstatus,"","",3),""|"",$reference,! set $ecode="""" quit"
	do a,b,c,d,e,f,g,h,k,p,q,r,s,t
	quit
a	set x=^N(1) set x=^N(i,1/z) quit
b	set x=^N(1) set x=^N(i,2,$$bad()) quit
c	set x=^N(1) set x=$data(^N(j)) quit
d	set x=^N(1) kill ^N(i,j) quit
e	set x=^N(1) set x=$order(^N(i,3,j)) quit
f	set x=^N(1) set x=$get(^N(i,j)) write "no",! quit
g	set x=^N(1) set x=$get(^N(i,4,j)) set ^(7)=1 quit
h	set x=^N(1) set x=$query(^N(i,j)) quit
k	set x=^N(1) set ^N(i,j)=$$bad() quit
p	set x=^N(1) set x=$get(^N(i,2,a(1))) quit
q	set x=^N(1) set x=$get(^N(i,2,j+1)) quit
r	set x=^N(1) set ^N(i,2,j)=1 quit
s	set x=^N(1) set x=$get(^(i,2,j)) quit
t	set x=^N(1) set x=$get(^N(i,$increment(i),j)) quit
bad()	quit 1/z
