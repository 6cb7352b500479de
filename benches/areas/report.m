report	; program: a report generator (records grouped, totalled, formatted with $JUSTIFY and $TRANSLATE)
	new i,r,dept,amt,tot,cnt,out,line,d,len,name
	for i=1:1:150000 do
	. set dept="DEPT"_(i#17),name="employee "_i
	. set r(i)=name_"^"_dept_"^"_(i*37#1000)_"."_(i#100)
	set i="" for  set i=$order(r(i)) quit:i=""  do
	. set line=r(i),dept=$piece(line,"^",2),amt=$piece(line,"^",3)
	. set tot(dept)=$get(tot(dept))+amt,cnt(dept)=$get(cnt(dept))+1
	. if $piece(line,"^",1)?1"employee "1.N1"7" set tot(dept,"sevens")=$get(tot(dept,"sevens"))+1
	set len=0
	for i=1:1:20 set d="" for  set d=$order(tot(d)) quit:d=""  do
	. set out=$translate($justify(d,10)," ",".")_$justify(cnt(d),8)_$justify(tot(d),14,2)_$justify($get(tot(d,"sevens")),6)
	. set len=len+$length(out)+$find(out,"DEPT")
	write "report ",len," ",out,!
	quit
