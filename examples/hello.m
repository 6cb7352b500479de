hello ; The first routine to run:   minim examples/hello.m
 ; A line that starts with a name (here "hello") is a label: a place DO and GOTO can go.
 ; The other lines start with a space (or a tab), then commands, separated by one space.
 write "Hello, world!",!   ; WRITE prints; ! starts a new line
 set name="M"              ; SET gives a variable a value; variables need no declaration
 write "Hello from ",name," on minim or GT.M",!
 ; A semicolon starts a comment. QUIT ends the routine.
 quit
