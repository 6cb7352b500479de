rdtime1 ; READ with timeout sets $TEST when input is present
 if 0
 read x:1
 write "T=",$test," x=[",x,"]",!
 if 0
 read y:0
 write "T=",$test," y=[",y,"]",!
 read z#2:1
 write "T=",$test," z=[",z,"]",!
 read *c:1
 write "T=",$test," c=",c,!
 if $test write "else check: T still 1",!
 else  write "else ran",!
 quit
