linedot1 ; dot blocks: nesting and QUIT inside
 write "before",!
 do
 . write "level 1 a",!
 . do
 . . write "level 2 a",!
 . . do
 . . . write "level 3",!
 . . write "level 2 b",!
 . write "level 1 b",!
 write "after",!
 do
 . write "q1",!
 . quit
 . write "not reached",!
 write "after quit in block",!
 for i=1:1:3 do
 . write "i=",i
 . if i=2 write " (two)",! quit
 . write !
 write "done",!
 quit
