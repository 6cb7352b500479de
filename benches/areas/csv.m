csv	; program: a CSV parser (quoted fields with commas and doubled quotes), totals per column
	new i,k,line,f,nf,tot,rows,c,q,p,ch,cur
	set rows=0
	for i=1:1:20000 do
	. set line=i_",""Smith, John"","_(i#97)_".5,""say """"hi"""""","_(i#13)_",end"
	. set nf=0,cur="",q=0
	. for p=1:1:$length(line) set ch=$extract(line,p) do
	. . if q do  quit
	. . . if ch="""",$extract(line,p+1)="""" set cur=cur_"""",p=p+1 quit
	. . . if ch="""" set q=0 quit
	. . . set cur=cur_ch
	. . if ch="""" set q=1 quit
	. . if ch="," set nf=nf+1,f(nf)=cur,cur="" quit
	. . set cur=cur_ch
	. set nf=nf+1,f(nf)=cur
	. set rows=rows+1
	. for k=1:1:nf set tot(k)=$get(tot(k))+f(k),tot(k,"len")=$get(tot(k,"len"))+$length(f(k))
	write "csv ",rows
	for k=1:1:6 write " ",tot(k),"/",tot(k,"len")
	write !
	quit
