gotodot2 ; GOTO from a dot block to a label at level 0
 write "start",!
 do
 . write "in block",!
 . goto out
 . write "not reached",!
 write "after block (reached?)",!
 quit
out write "at out",!
 write "quit at out",!
 quit
