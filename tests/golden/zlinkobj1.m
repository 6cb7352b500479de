zlinkobj1	; a routine found nowhere: GT.M's ZLINKFILE names the source and the object file
	set $etrap="write $piece($zstatus,"","",3,9),! set $ecode="""" quit"
	do a1,a2,a3,a4
	quit
a1	do ^nosuchrtn1 quit
a2	set x=$$f^nosuchrtn2 quit
a3	set r="^nosuchrtn3" do @r quit
a4	write $text(+1^nosuchrtn4),"|",! zlink "nosuchrtn4" quit
