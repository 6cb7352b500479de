linedot4 ; dot blocks skipped by IF or postconditional, comment-only dot lines
 if 0 do
 . write "not run (if 0)",!
 write "after skipped block 1",!
 do:0
 . write "not run (do:0)",!
 write "after skipped block 2",!
 set x=1 if x do
 . ; a comment-only line in a block
 . write "run (if x)",!
 . ;
 write "after block 3",!
 for i=1:1:2 do
 . do
 . . write "deep i=",i,!
 . ; trailing comment line of the outer block
 write "done",!
 quit
