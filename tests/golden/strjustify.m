strjustify	; $JUSTIFY: results, and which error comes first (the width before the decimals)
	set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	new a,b,c,x set x="abc"
	write $justify(x,5),"|",$justify(x,2),"|",$justify(3.14159,8,2),"|",$justify(-.5,6,0),"|",$justify("12abc",7,1),"|",$justify(x,-3),"|",$justify($extract(x,2),4),"|",$justify(x_1,6),"|",!
	write $justify(1E3,0,3),"|",$justify("",3),"|",$justify(x,"3.9"),"|",$justify(.999,1,2),!
	do j1,j2,j3,j4,j5
	quit
j1	write $justify(a,b),!
	quit
j2	write $justify(x,3,-1),!
	quit
j3	write $justify(x,2000000),!
	quit
j4	write $justify(x,2000000,-1),!
	quit
j5	write $justify(1,5,2000000),!
	quit
