go ; lets seewrite.m end
 set ^GO=1
 write "done",!
 quit
