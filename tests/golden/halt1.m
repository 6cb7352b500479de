halt1 ; HALT in the middle: exit status 0 and output flushed
 write "before halt",!
 do sub
 write "never",!
 quit
sub write "in sub, no newline before halt"
 halt
 write "never",!
