truthshapes ; IF and postconditions on a plain local, its negation, and a local compared with a literal
	new x,ch,i,r
	for x="0.0","1abc"," 1","","abc","0","00","-0",".0","1E2","0E5","-.5","2",1,0,1.5,-3,"01","+1" do
	. set r=""
	. if x set r=r_"T"
	. else  set r=r_"F"
	. set r=r_$select('x:"n",1:"-")
	. write:x "[",x,"]" write:'x "<",x,">"
	. if x=1 set r=r_"=1"
	. if x'=1 set r=r_"'=1"
	. if x="1" set r=r_"=""1"""
	. if x="0" set r=r_"=""0"""
	. if x=0 set r=r_"=0"
	. if x="" set r=r_"="""""
	. if x>0 set r=r_">0"
	. if x<1 set r=r_"<1"
	. write " ",r,!
	set x=3-2 if x="1" write "num 1 is ""1""",!
	set x=10/4 if x="2.5" write "2.5 is ""2.5""",!
	set x=1/4 if x=".25" write ".25 is "".25""",!
	set x=1/4 if x="0.25" write "wrong",!
	set x=7 if x="7" write "7 is ""7""",!
	set x=7 if x=7 write "7=7",!
	set x="7" quit:'x  write "after quit:'x",!
	for ch="a",",","""","" if ch="," write "comma:",ch,!
	for ch="a",",","""","" if ch'="," write "not comma:",ch,!
	for ch="a",",","""","" if ch="""" write "quote:",ch,!
	set ch=$extract("xyz",2) if ch="y" write "extract y",!
	set ch=$char(255) if ch=$char(255) write "byte 255",!
	kill x
	set $etrap="write ""error: "",$piece($zstatus,"","",3,4),"" ecode="",$ecode,"" ref="",$reference,! set $ecode="""" quit"
	do undef1
	do undef2
	do undef3
	quit
undef1	if x write "no",!
	quit
undef2	if 'x write "no",!
	quit
undef3	if x="a" write "no",!
	quit
