xecsyntax1	; a syntax error in XECUTE text: GT.M compiles the text whole first, so the
	; XECUTE command itself raises it, in its own frame, and none of the text runs; an
	; unknown function or special variable waits until its command is reached
	do t("write 1 set b=1+")
	do t("write 2 zzz 1")
	do t("write 3 if 0 set b=1+")
	do t("write 4 write $zzz")
	do t("write 5 write $zz(1)")
	do t("write 6 write 1/0")
	set code="write 7 set b=1+" do t(code)
	do t("write 8 xecute ""set b=1+""")
	quit
t(code)	new $etrap set $etrap="do show^xecsyntax1"
	xecute code
	write " after",!
	quit
show	write " trap at ",$stack-1,": ",$piece($zstatus,",",2,3),!
	for i=1:1:$stack-1 write "  ",i,": ",$stack(i),"|",$stack(i,"PLACE"),"|",$stack(i,"MCODE"),"|",$stack(i,"ECODE"),!
	set $ecode=""
	quit
