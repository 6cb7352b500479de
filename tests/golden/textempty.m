textempty ; $TEXT of an empty line: " " (GT.M), but "" for a literal +n read at compile time
 for i=3,5,7 write i,":",$length($text(+i)),"[",$text(+i),"]",$length($text(+i^textempty)),!

 write $length($text(+3)),$length($text(@"+3")),!
 
 set o=3 write $length($text(textempty+o)),$length($text(+5)),!

 write $length($text(+99)),!
 quit
