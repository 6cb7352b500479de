extnoval1 ; extrinsic called as DO: QUIT with value error
 write "call as extrinsic: ",$$f(1),!
 write "now DO f(1):",!
 do f(1)
 write "not reached",!
 quit
f(x) quit x+1
