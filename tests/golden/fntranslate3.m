fntranslate3	; $TRANSLATE with literal tables, short and long strings, in $LENGTH
	new s,t,i,l
	set s="The Quick Brown Fox, Jumps Over; The Lazy Dog!"
	for i=1:1:3 set t=$translate(s,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz") write t,"|",$length($translate(t,",;! ")),"|",$translate(t,",;! "),!
	write $translate("abc","abc","ABC"),$translate("abcabc","b"),$length($translate("aaa","a")),$length($translate(s,"xyz","XYZ")),!
	write $translate(s,"oO","0"),"|",$translate(s,"eee","123"),"|",$translate("","a","b"),"|",$length($translate("","a")),!
	set l="" for i=1:1:20 set l=l_"ab"
	write $translate(l,"ab","ba"),"|",$translate(l,"a"),"|",$length($translate(l,"b","")),!
	write $translate(12345,"13","x"),"|",$length($translate(12345,"5")),!
	new u set $etrap="write $piece($zstatus,"","",3),! set $ecode="""" quit"
	do  write "after",!
	. write $length($translate(u,"a"))
	do  write "after",!
	. write $translate(u,"a","b")
	quit
