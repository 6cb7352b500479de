newdot1 ; NEW in a dot block is undone when the block ends
 set a=1
 do
 . new a
 . write "in block a:",$data(a),!
 . set a=2
 . write "in block a=",a,!
 write "after block a=",a,!
 for i=1:1:2 do
 . new a set a=i*100
 . write "loop a=",a,!
 write "after loop a=",a,!
 do
 . new a set a="outer"
 . do
 . . new a set a="inner"
 . . write "inner a=",a,!
 . write "outer a=",a,!
 write "top a=",a,!
 quit
