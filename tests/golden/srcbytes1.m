srcbytes1 ; bytes above 127 in routine source (Latin-1, not UTF-8) are kept as they are: literals, patterns, $TEXT, XECUTE
 s x="été" w $l(x),"|",$a(x),"|",x?1"é"1"t"1"é","|",x?3E,"|",x?.E1"é",!
 w $l($t(+4)),"|",$a($t(+4),3),!
 ;é
 s c="s y=""é""_$c(233)" x c w $l(y),"|",$a(y,2),!
 s u="Ã©" w $l(u),"|",$l("Ã©"),"|",u?2E,!
