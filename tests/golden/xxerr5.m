xxerr5 ; $$label without parentheses on a label that has no formal list
 write "start",!
 write "with formals: ",$$f,!
 write "without: ",$$g,!
 write "not reached",!
 quit
f() quit "f"
g quit "g"
