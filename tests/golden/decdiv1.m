decdiv1	; / * \ # and + across magnitudes and signs (64-bit and 128-bit division paths), and a sum of fractions
	new a,b,i,j,l,s
	set l="1,2,3,7,8,9,10,12,13,99,100,125,1024,7777,99999,123456789,999999999999,5000000000000000,999999999999999999,.5,.125,.3,1.5,12.75,-3,-8,-.25,-99.99,1E20,3E-10,17E10,4E-12"
	set s=0 for i=1:1:20000 set s=s+(i/7)-(i/8)+(i*3/11)
	write s,!
	set s=0
	for i=1:1:$l(l,",") for j=1:1:$l(l,",") do
	. set a=+$p(l,",",i),b=+$p(l,",",j)
	. write a,"/",b,"=",a/b," ",a*b," ",a\b," ",a#b," ",a+(a/b),!
	quit
