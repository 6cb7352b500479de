setappend	; SET s=s_x appends in place: other copies, aliases, numbers, errors
	new s,t,u,i,n,r,k
	set s="" for i=1:1:40 set s=s_"x" set:i#7=0 t(i)=s
	write $length(s)," ",s,! for i=7:7:35 write $length(t(i)),","
	write !
	set s="abcdefghijklmnopqrst",t=s,s=s_"u",s=s_s write s," ",t,!
	set n=12,n=n_3 write n+1," ",n_"",!
	set n=1.5,n=n_"E2" write n+0," ",n,!
	set r="" for i=1:1:12 set r=r_"f"_i_"^"
	write $piece(r,"^",3) for i=1:1:12 set k=$piece(r,"^",i)
	set r=r_"tail" write " ",$piece(r,"^",12),$piece(r,"^",13),!
	set u="abc" do alias(.u) write u,!
	set s="short" do
	. new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
	. set s=s_undef
	write s,!
	set s=$justify("",1048570)
	do
	. new $etrap set $etrap="write $piece($zstatus,"","",3),! set $ecode="""""
	. set s=s_"1234567890"
	write $length(s),!
	set s=$justify("",20),t(1)=s,s=s_"y",t(2)=s,s=s_"z" write $length(t(1)),$length(t(2)),$length(s),!
	quit
alias(v)	set v=v_u,v=v_"d"_v
	quit
