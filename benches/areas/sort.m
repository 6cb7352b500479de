sort	; program: a sorter (pseudo-random records sorted by a key through a local array, then merged)
	new i,seed,k,x,n,sum,prev,ok,name
	set seed=12345
	for i=1:1:100000 do
	. set seed=seed*1103515245+12345#2147483648
	. set k=seed#100000,name="N"_(seed#997)
	. set x(k,name,i)=""
	set (n,sum)=0,prev=-1,ok=1
	set k="" for  set k=$order(x(k)) quit:k=""  do
	. if k<prev set ok=0
	. set prev=k
	. set name="" for  set name=$order(x(k,name)) quit:name=""  do
	. . set i="" for  set i=$order(x(k,name,i)) quit:i=""  set n=n+1,sum=sum+(n*k#1000)
	write "sort ",n," ",sum," ",ok,!
	quit
