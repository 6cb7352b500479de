zprintind1	; ZPRINT @x: x holds the whole argument
	set x="lab+1^zprintind1" zprint @x
	set x=$zposition zprint @x
	set x="lab:lab+1" zprint @x
	set y="lab" zprint @y
	quit
lab	; the label line
	write "line after",!
