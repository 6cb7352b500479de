trapgoto1 ; a $ETRAP that goes to failing code unwinds one frame per error and ends (exit 90)
 write "start",!
 do a
 write "back",!
 quit
a set $etrap="goto trap"
 write 1/0
 write "after",!
 quit
trap write "trap ",$stack,$ecode,!
 write 1/0
 quit
