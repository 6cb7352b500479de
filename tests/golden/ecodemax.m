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
 quit
