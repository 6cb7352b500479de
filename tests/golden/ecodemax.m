ecodemax ; $ECODE: one entry per error, repeats kept; GT.M keeps 32 entries
 ; past 32 the 31st entry becomes Z150379696 and the 32nd is the latest error's
 set n=0,$ztrap="goto zt"
loop set n=n+1
 if n#2 write undef
 set x=1/0
zt if n=2!(n=31)!(n=32)!(n=33)!(n=39) write n,": ",$ecode,!
 if n<40 goto loop
 write "pieces ",$length($ecode,","),!
 set $ecode="",n=0,$ztrap="goto zt2"
loop2 set n=n+1,$ecode=",U"_n_","
zt2 if n<34 goto loop2
 write $ecode,!
 set $ecode=""
 write "cleared [",$ecode,"]",!
 set $ztrap="goto zt3"
 write undef
zt3 write $ecode,!
 ; GT.M keeps 32767 bytes: the latest errors' codes give way to Z150379696 and the new one
 set $ecode="",n=0,$ztrap="goto zt4"
loop4 set n=n+1,$ecode=","_$translate($justify("",$select(n<4:10000,1:n*300))," ","U")_n_","
zt4 write n,": ",$length($ecode)," ",$length($ecode,","),!
 if n<9 goto loop4
 ; the limit exactly: 32768 bytes fit, and a code longer than that is not added
 set $ecode="",n=0,$ztrap="goto zt5"
 set $ecode=","_$translate($justify("",32000)," ","U")_","
zt5 set n=n+1 write n,": ",$length($ecode)," ",$length($ecode,",")," ",$extract($ecode,32000,32020),!
 if n=1 set $ecode=","_$translate($justify("",764)," ","U")_","
 if n=2 set $ecode="",$ecode=","_$translate($justify("",32000)," ","U")_","
 if n=3 set $ecode=","_$translate($justify("",765)," ","U")_","
 if n=4 set $ecode=",U9,"
 if n=5 set $ecode=","_$translate($justify("",32780)," ","U")_","
 set $ztrap=""
 quit
