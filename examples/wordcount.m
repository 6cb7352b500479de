wordcount ; Counts the lines, words and characters of standard input, as wc does.
 ;   minim examples/wordcount.m < examples/wordcount.in
 ; READ takes one line from the current device (here standard input) without its newline;
 ; at the end of the input it returns "" and sets $ZEOF to 1.
 new line,lines,words,chars,i
 set (lines,words,chars)=0
 for  read line quit:$zeof  do count(line)
 write lines," lines, ",words," words, ",chars," characters",!
 quit
 ;
count(line) ; adds one line to the totals (lines, words and chars are the caller's variables)
 set lines=lines+1,chars=chars+$length(line)+1   ; +1 for the newline READ took off
 ; $PIECE(line," ",i) is the i-th piece between spaces; a word is a piece that is not empty
 for i=1:1:$length(line," ") if $piece(line," ",i)'="" set words=words+1
 quit
