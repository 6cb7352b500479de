dooff1 ; DO label+n offsets, into a routine, past other labels
 do a+1
 do a+3
 do b+0
 do ^dooff1x
 do two^dooff1x
 do two+1^dooff1x
 do dooff1+12
 write "end",!
 quit
a write "a+0",!
 write "a+1",!
b write "b (a+2)",!
 write "b+1 (a+3)",! quit
