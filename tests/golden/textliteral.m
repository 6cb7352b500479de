textliteral ; $TEXT(+n) with a literal n shows the tabs before the first ";" as spaces
 goto main
 set x=1		set y=2	; a	tab
	set z=3 	quit
lab	set w="a	b"	quit
 set w="a;	b"	set v=1
 if 1	set a=1
main write $text(+3),!
 write $text(+4),!
 write $text(+5),!
 write $text(+6),!
 write $text(+7),!
 write $text(+"3"),!
 write $text(+03),!
 write $text(+3.5),!
 write $text(+3+0),!
 set o=3 write $text(+o),!
 write $text(lab),!
 write $text(lab+0),!
 write $text(+3^textliteral),!
 xecute "write $text(+3),!"
 xecute "write $text(+4^textliteral),!"
 quit
