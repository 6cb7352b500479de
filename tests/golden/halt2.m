halt2 ; HALT inside FOR and dot block, abbreviated h
 for i=1:1:10 do
 . write "i=",i,!
 . if i=3 write "halting",! h
 write "never",!
