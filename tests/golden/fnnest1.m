fnnest1 ; functions nested in each other
 set s="The quick brown fox"
 write $length($piece(s," ",2)),!
 write $extract($piece(s," ",3),$length("ab"),$find(s,"q")),!
 write $reverse($translate(s," ","_")),!
 write $justify($length(s,"o"),5),!
 write $ascii($reverse(s)),!
 write $char($ascii(s)+1,$ascii(s,2)+1),!
 write $piece($reverse(s)," ",1),!
 write $select($find(s,"fox"):$extract(s,$find(s,"fox")-3,$length(s)),1:"none"),!
 write $fnumber($length(s)*1000.5,",",1),!
 write $translate($justify(42,6)," ","0"),!
 set words=0 for i=1:1:$length(s," ") set:$piece(s," ",i)'="" words=words+1
 write "words=",words,!
 quit
