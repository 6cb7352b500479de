setconcat	; SET t=a_b written into the buffer t owns: aliases, by-reference, numbers
	new t,u,s set s="abcdefghijklmnopqrstuvwxyz"
	set t=s_s,t="<"_t_">" write t,!
	set t=s_s,t=t_t write $length(t),!
	set t=s_s,u=t,t="1"_s write t," ",u,!
	do sub(.t) write t,!
	set t=s_s,t=s_"12345678" write t+0,! set t="12"_"345678901234567890" write t+1,!
	quit
sub(v)	set v=s_s,t=v_"!" write t,! set v=s_s_s,t="?"_v write t,!
	quit
