intfast1	; integer *, \ and # on machine integers: signs, zero, products and operands near 10^9 and 10^18
	new a,b,i,j,l
	set l="0,1,-1,7,-7,3,-3,2,-2,100,999999999,-999999999,1000000000,123456789012,-99999999999,999999999999999999,-999999999999999999,100000000000000000,3000000000"
	for i=1:1:$l(l,",") for j=1:1:$l(l,",") do
	. set a=+$p(l,",",i),b=+$p(l,",",j)
	. write a,"*",b,"=",a*b," "
	. if b'=0 write a,"\",b,"=",a\b," ",a,"#",b,"=",a#b
	. write !
	quit
