xecfold	; XECUTE of a literal runs inline (no stack level of its own), but not the text of a
	; constant concatenation, which GT.M frames like any computed text
	write "a:" xecute "write $stack,!"
	write "b:" xecute "write $stack,!":1
	write "c:" xecute ("write $stack,!")
	write "d:" xecute "write $stack"_",!"
	write "e:" xecute:1 "write $stack,!"
	write "f:" xecute "write $stack,"" """"x"""" "",!"
	write "g:" xecute ("write $stack")_(",!")
	write "h:" xecute (("write $stack,!"))
	new i for i=1:1:2 write "i:" xecute "write $stack"_",!"
	quit
