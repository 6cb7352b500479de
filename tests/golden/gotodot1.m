gotodot1 ; GOTO within a dot block to a label in the same block
 set n=0
 do
 . write "block start",!
bl . set n=n+1
 . write "n=",n,!
 . goto bl:n<3
 . write "block end",!
 write "after block n=",n,!
 quit
