linetab1	; tab after label
	write "tab start",!
 write "space start",!
	 write "tab then space",!
  write "two spaces",!
lab	write "label then tab",!
	do sub
	quit
sub	;comment after tab
	write "in sub",!
	quit
